package io.learningloop.command.http;

import static io.learningloop.infra.http.Problems.problem;

import com.fasterxml.jackson.databind.JsonMappingException;
import io.learningloop.command.domain.ConflictingStepException;
import io.learningloop.command.domain.LoopRuleViolationException;
import io.learningloop.command.domain.UnknownReferenceException;
import io.learningloop.infra.http.Problems.FieldError;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refusal as RFC 7807 problem+json. Field-level problems carry {@code errors}: a list of
 * {@code {field, message}}, so a tool can point at what to fix. Nothing is stored on any refusal.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, "invalid-step", "Invalid step",
                errors.size() + " field(s) are invalid", errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                            : "[" + reference.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String reason = mapping.getCause() != null ? mapping.getCause().getMessage() : mapping.getOriginalMessage();
            return problem(HttpStatus.BAD_REQUEST, "invalid-step", "Invalid step", "a field cannot be read",
                    List.of(new FieldError(field, reason)));
        }
        return problem(HttpStatus.BAD_REQUEST, "unreadable-body", "Unreadable body",
                "the body is not a JSON object of the expected shape", List.of());
    }

    @ExceptionHandler
    ResponseEntity<Object> on(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(violation -> new FieldError(lastNode(violation.getPropertyPath().toString()),
                        violation.getMessage()))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, "invalid-step", "Invalid step", "a path parameter is invalid", errors);
    }

    @ExceptionHandler
    ResponseEntity<Object> on(LoopRuleViolationException e) {
        return problem(HttpStatus.BAD_REQUEST, "loop-rule-violated", "Step breaks a rule of the loop",
                e.getMessage(), List.of(new FieldError(e.field(), e.getMessage())));
    }

    @ExceptionHandler
    ResponseEntity<Object> on(UnknownReferenceException e) {
        return problem(HttpStatus.NOT_FOUND, "unknown-reference", "Unknown reference", e.getMessage(),
                List.of(new FieldError(e.field(), e.getMessage())));
    }

    @ExceptionHandler
    ResponseEntity<Object> on(ConflictingStepException e) {
        return problem(HttpStatus.CONFLICT, "conflicting-step", "Conflicting step", e.getMessage(), List.of());
    }

    /** Two requests changed the same step at the same moment; the loser may retry. */
    @ExceptionHandler
    ResponseEntity<Object> on(ConcurrencyException e) {
        return problem(HttpStatus.CONFLICT, "concurrent-step", "Concurrent step",
                "another request changed the same step at the same time; retry", List.of());
    }

    /** Two tools created the same new id at the same moment. */
    @ExceptionHandler
    ResponseEntity<Object> on(AggregateStreamCreationException e) {
        return problem(HttpStatus.CONFLICT, "concurrent-step", "Concurrent step",
                "another request created a step with the same id at the same time; retry", List.of());
    }

    private static String lastNode(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
