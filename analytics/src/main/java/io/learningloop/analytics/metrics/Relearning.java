package io.learningloop.analytics.metrics;

import io.learningloop.contract.OrgUnits;
import io.learningloop.readmodel.LessonDocument;
import io.learningloop.readmodel.LoopDocument.ReviewRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Lessons the organisation had to learn twice: the rule of docs/metrics.md ("Relearned lessons"), in one
 * place. A lesson is <b>learned again</b> when one of its themes comes back as a root-cause theme of a
 * review held after it, within the relearning window, in the lesson's org unit or below, that the lesson
 * was not itself drawn from. Only lessons with a theme can recur, and only those whose window is over can
 * be told not to have: they are the denominator.
 *
 * <p>Why a window: the root-cause vocabulary is coarse (ten standard themes), so over enough years nearly
 * every theme comes back in any unit that reviews at all; a theme back within a year says the lesson did
 * not hold, one back five years later says little.
 */
public final class Relearning {

    private static final double MILLIS_PER_DAY = Duration.ofDays(1).toMillis();

    private Relearning() {}

    /**
     * One recurrence: a lesson and a later review that named one of its themes as a root cause.
     *
     * @param themes the lesson's themes the review named again, sorted
     * @param daysBetween from the lesson's recording to the review
     */
    public record Recurrence(
            String lessonId,
            String lessonOrgUnit,
            Instant lessonRecordedAt,
            String reviewId,
            String reviewOrgUnit,
            Instant reviewHeldAt,
            List<String> themes,
            double daysBetween) {}

    /** Every recurrence within {@code window} of {@code lessons} among {@code reviews} (each review once), by lesson, then review date. */
    public static List<Recurrence> recurrences(
            Collection<LessonDocument> lessons, Collection<ReviewRef> reviews, Duration window) {
        List<Recurrence> recurrences = new ArrayList<>();
        for (LessonDocument lesson : lessons) {
            if (lesson.themes().isEmpty() || lesson.recordedAt() == null) {
                continue;
            }
            for (ReviewRef review : reviews) {
                if (review.heldAt() == null
                        || !review.heldAt().isAfter(lesson.recordedAt())
                        || review.heldAt().isAfter(lesson.recordedAt().plus(window))
                        || lesson.reviewIds().contains(review.reviewId())
                        || review.orgUnit() == null
                        || !OrgUnits.selfAndAncestors(review.orgUnit()).contains(lesson.orgUnit())) {
                    continue;
                }
                List<String> again = lesson.themes().stream()
                        .filter(review.rootCauseThemes()::contains)
                        .distinct()
                        .sorted()
                        .toList();
                if (!again.isEmpty()) {
                    recurrences.add(new Recurrence(
                            lesson.lessonId(),
                            lesson.orgUnit(),
                            lesson.recordedAt(),
                            review.reviewId(),
                            review.orgUnit(),
                            review.heldAt(),
                            again,
                            Duration.between(lesson.recordedAt(), review.heldAt())
                                            .toMillis()
                                    / MILLIS_PER_DAY));
                }
            }
        }
        recurrences.sort(Comparator.comparing(Recurrence::lessonId)
                .thenComparing(Recurrence::reviewHeldAt)
                .thenComparing(Recurrence::reviewId));
        return List.copyOf(recurrences);
    }

    /** Whether the lesson's window is over at {@code now}: only then can it be told not to have recurred. */
    public static boolean judged(LessonDocument lesson, Instant now, Duration window) {
        return lesson.recordedAt() != null && !lesson.recordedAt().plus(window).isAfter(now);
    }
}
