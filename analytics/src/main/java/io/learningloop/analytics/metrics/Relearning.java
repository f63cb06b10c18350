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
 * review held after it, in the lesson's org unit or below, that the lesson was not itself drawn from.
 * Only lessons with a theme can recur, so they are the denominator.
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

    /** Every recurrence of {@code lessons} among {@code reviews} (each review once), by lesson, then review date. */
    public static List<Recurrence> recurrences(Collection<LessonDocument> lessons, Collection<ReviewRef> reviews) {
        List<Recurrence> recurrences = new ArrayList<>();
        for (LessonDocument lesson : lessons) {
            if (lesson.themes().isEmpty() || lesson.recordedAt() == null) {
                continue;
            }
            for (ReviewRef review : reviews) {
                if (review.heldAt() == null
                        || !review.heldAt().isAfter(lesson.recordedAt())
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
}
