package io.learningloop.readmodel;

import java.time.Instant;
import java.util.List;

/**
 * One lesson that has a theme, and the later reviews that named one of its themes again as a root cause
 * (docs/metrics.md "Relearned lessons"), as the relearning index stores it ({@code relearning.json}) for
 * Kibana. Analytics recomputes every document on a schedule (docs/decisions/0011-verdict-indices.md);
 * {@code generation} is the run that wrote it, so that documents of lessons gone since are deleted.
 *
 * @param firstRecurrenceDays days from the lesson to its first recurrence; null when never learned again
 */
public record RelearningDocument(
        String lessonId,
        String orgUnit,
        List<String> orgUnitPath,
        Instant recordedAt,
        List<String> themes,
        boolean relearned,
        boolean judged,
        int recurrenceCount,
        Double firstRecurrenceDays,
        List<Recurrence> recurrences,
        Instant judgedAt,
        long generation) {

    public static final String LESSON_ID = "lessonId";
    public static final String RELEARNED = "relearned";
    public static final String RECORDED_AT = "recordedAt";
    public static final String GENERATION = "generation";

    public RelearningDocument {
        orgUnitPath = List.copyOf(orgUnitPath);
        themes = List.copyOf(themes);
        recurrences = List.copyOf(recurrences);
    }

    /** A later review that named the lesson's {@code themes} again, {@code daysBetween} after the lesson. */
    public record Recurrence(
            String reviewId, String orgUnit, Instant heldAt, List<String> themes, double daysBetween) {}
}
