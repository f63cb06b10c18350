package io.learningloop.problems;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Builds the problem+json answers of all services: a type URN, a title, a detail, and field errors. */
public final class Problems {

    /** One field or parameter at fault, and why. */
    public record FieldError(String field, String message) {}

    /** Every problem's {@code type} starts so; the rest names the problem and never changes. */
    public static final String TYPE_PREFIX = "urn:learning-loop:problem:";

    private Problems() {}

    public static ResponseEntity<Object> problem(
            HttpStatusCode status, String type, String title, String detail, List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + type));
        problem.setTitle(title);
        if (!errors.isEmpty()) {
            problem.setProperties(Map.of("errors", errors));
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** True when a text names a Java class ({@code java.time.Instant}): such text never goes into an answer. */
    public static boolean namesAClass(String text) {
        return ProblemTypes.namesAClass(text);
    }
}
