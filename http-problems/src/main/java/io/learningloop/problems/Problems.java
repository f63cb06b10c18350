package io.learningloop.problems;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Builds the problem+json answers of all services: a type URN, a title, a detail, and field errors. */
public final class Problems {

    /** One field or parameter at fault, and why. */
    public record FieldError(String field, String message) {}

    private Problems() {}

    public static ResponseEntity<Object> problem(
            HttpStatus status, String type, String title, String detail, List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:learning-loop:problem:" + type));
        problem.setTitle(title);
        if (!errors.isEmpty()) {
            problem.setProperties(Map.of("errors", errors));
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
