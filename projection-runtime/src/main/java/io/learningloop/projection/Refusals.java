package io.learningloop.projection;

import java.util.Set;

/**
 * Tells a permanent refusal of Elasticsearch (the same document is refused the same way on every
 * retry: park it) from a transient failure (unreachable, overloaded, timing out: retry the batch).
 * When in doubt a failure counts as transient: a wrong retry stalls, a wrong park would skip a record
 * that a retry would have written (it can still be re-driven).
 */
public final class Refusals {

    /** Error types of a document Elasticsearch cannot hold, whatever its state. */
    private static final Set<String> PERMANENT_TYPES = Set.of(
            "mapper_parsing_exception",
            "document_parsing_exception",
            "strict_dynamic_mapping_exception",
            "illegal_argument_exception",
            "parse_exception",
            "x_content_parse_exception");

    private Refusals() {}

    /**
     * Whether a refusal of one document is permanent: a known parsing or mapping error, a 400 (the
     * request itself is wrong), or a 413 (too large). 429, 5xx and anything else are transient.
     */
    public static boolean permanent(int status, String errorType) {
        if (status == 429 || status >= 500) {
            return false;
        }
        return PERMANENT_TYPES.contains(errorType) || status == 400 || status == 413;
    }
}
