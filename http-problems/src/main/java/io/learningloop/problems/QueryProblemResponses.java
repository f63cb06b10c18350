package io.learningloop.problems;

import static io.learningloop.problems.Problems.problem;

import io.learningloop.problems.Problems.FieldError;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Refusals of the read APIs (query service, analytics), with the parameter at fault in {@code errors};
 * everything else as every service answers it ({@link ProblemHandler}).
 */
@RestControllerAdvice
public class QueryProblemResponses extends ProblemHandler {

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
        String message = "'" + e.getValue() + "' is not " + expected(e.getRequiredType());
        return problem(
                HttpStatus.BAD_REQUEST,
                "invalid-query",
                "Invalid query",
                message,
                List.of(new FieldError(e.getName(), message)));
    }

    /** What a parameter must look like, in words rather than a Java type. */
    private static String expected(Class<?> type) {
        if (type == LocalDate.class) {
            return "a date such as 2024-01-31";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        return "a valid value";
    }
}
