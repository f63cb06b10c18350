package io.learningloop.problems;

import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * The stable {@code type} of a refusal the framework raises (no such path, a method or media type the
 * route does not take, a missing parameter), and a guard that keeps Java class names out of answers.
 */
final class ProblemTypes {

    /** {@code io.learningloop.command.http.DecisionRequest}, {@code java.time.Instant}: a qualified name. */
    private static final Pattern CLASS_NAME = Pattern.compile("\\b[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+\\.[A-Z]\\w*");

    private ProblemTypes() {}

    static String of(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "invalid-request";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "too-large";
            case 415 -> "unsupported-media-type";
            case 503 -> "unavailable";
            default -> status.is5xxServerError() ? "internal-error" : "request-refused";
        };
    }

    static String title(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "Error" : known.getReasonPhrase();
    }

    /** The detail as the framework wrote it, unless it names a class: then only the status's phrase. */
    static String detail(String detail, HttpStatusCode status) {
        return detail == null || detail.isBlank() || namesAClass(detail) ? title(status) : detail;
    }

    static boolean namesAClass(String text) {
        return CLASS_NAME.matcher(text).find();
    }
}
