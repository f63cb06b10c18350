package io.learningloop.problems;

import static io.learningloop.problems.Problems.problem;

import io.learningloop.problems.Problems.FieldError;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Refusals of the read APIs (query service, analytics), with the parameter at fault in {@code errors}. */
@RestControllerAdvice
public class QueryProblemResponses extends ResponseEntityExceptionHandler {

    @ExceptionHandler
    ResponseEntity<Object> on(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage(), List.of());
    }

    @ExceptionHandler
    ResponseEntity<Object> on(InvalidQueryException e) {
        return problem(
                HttpStatus.BAD_REQUEST,
                "invalid-query",
                "Invalid query",
                e.getMessage(),
                List.of(new FieldError(e.parameter(), e.getMessage())));
    }

    @ExceptionHandler
    ResponseEntity<Object> on(MethodArgumentTypeMismatchException e) {
        String message = "'" + e.getValue() + "' is not a valid "
                + (e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName());
        return problem(
                HttpStatus.BAD_REQUEST,
                "invalid-query",
                "Invalid query",
                message,
                List.of(new FieldError(e.getName(), message)));
    }
}
