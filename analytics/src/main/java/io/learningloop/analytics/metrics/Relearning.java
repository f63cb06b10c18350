package io.learningloop.analytics.metrics;

import io.learningloop.contract.OrgUnits;
import io.learningloop.readmodel.LessonDocument;
import io.learningloop.readmodel.LoopDocument.ReviewRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        Index index = new Index(reviews, window);
        List<Recurrence> recurrences = new ArrayList<>();
        for (LessonDocument lesson : lessons) {
            recurrences.addAll(index.recurrences(lesson));
        }
        recurrences.sort(Comparator.comparing(Recurrence::lessonId)
                .thenComparing(Recurrence::reviewHeldAt)
                .thenComparing(Recurrence::reviewId));
        return List.copyOf(recurrences);
    }

    /**
     * Reviews (each once) filed under each unit they lie in or below and each root-cause theme they name,
     * in the order they were held: a lesson's candidates are then those filed under its unit and one of its
     * themes, held inside its window (a binary search), not every review. The rule itself is {@link
     * #recurs}, asked of every candidate.
     */
    public static final class Index {
        private static final Comparator<ReviewRef> HELD = Comparator.comparing(ReviewRef::heldAt)
                .thenComparing(ReviewRef::reviewId, Comparator.nullsFirst(Comparator.naturalOrder()));

        private final Duration window;
        private final Map<String, Map<String, List<ReviewRef>>> byUnitAndTheme = new HashMap<>();
        private final Map<String, String> strings = new HashMap<>();

        public Index(Collection<ReviewRef> reviews, Duration window) {
            this.window = window;
            for (ReviewRef review : reviews) {
                add(review);
            }
            sort();
        }

        /** An empty index to {@link #add} to, then {@link #sort} once. */
        public Index(Duration window) {
            this.window = window;
        }

        /**
         * Files one review (a review already filed must not come again). Only what the rule reads is kept,
         * with the units and themes (a small vocabulary) shared between the copies.
         */
        public void add(ReviewRef whole) {
            if (whole.heldAt() == null || whole.orgUnit() == null) {
                return; // never a recurrence
            }
            ReviewRef review = new ReviewRef(
                    whole.reviewId(),
                    whole.heldAt(),
                    null,
                    false,
                    false,
                    0,
                    whole.rootCauseThemes() == null
                            ? List.of()
                            : whole.rootCauseThemes().stream()
                                    .map(this::shared)
                                    .distinct()
                                    .toList(),
                    shared(whole.orgUnit()));
            for (String unit : OrgUnits.selfAndAncestors(review.orgUnit())) {
                Map<String, List<ReviewRef>> byTheme =
                        byUnitAndTheme.computeIfAbsent(shared(unit), key -> new HashMap<>());
                for (String theme : review.rootCauseThemes()) {
                    byTheme.computeIfAbsent(theme, key -> new ArrayList<>()).add(review);
                }
            }
        }

        /** Puts every filed list in date order: once, after the last {@link #add}. */
        public Index sort() {
            byUnitAndTheme.values().forEach(byTheme -> byTheme.values().forEach(filed -> filed.sort(HELD)));
            return this;
        }

        private String shared(String value) {
            return value == null ? null : strings.computeIfAbsent(value, key -> key);
        }

        /** The lesson's recurrences, by review date. */
        public List<Recurrence> recurrences(LessonDocument lesson) {
            List<Recurrence> found = new ArrayList<>();
            for (ReviewRef review : candidates(lesson)) {
                Recurrence recurrence = Relearning.recurs(lesson, review, window);
                if (recurrence != null) {
                    found.add(recurrence);
                }
            }
            found.sort(Comparator.comparing(Recurrence::reviewHeldAt).thenComparing(Recurrence::reviewId));
            return found;
        }

        /** Whether the lesson has a recurrence at all: the same rule, stopping at the first. */
        public boolean recurs(LessonDocument lesson) {
            for (ReviewRef review : candidates(lesson)) {
                if (Relearning.recurs(lesson, review, window) != null) {
                    return true;
                }
            }
            return false;
        }

        /** The reviews filed under the lesson's unit and one of its themes, held after it and within the window, each once. */
        private Collection<ReviewRef> candidates(LessonDocument lesson) {
            if (lesson.themes().isEmpty() || lesson.recordedAt() == null || lesson.orgUnit() == null) {
                return List.of();
            }
            Map<String, List<ReviewRef>> byTheme = byUnitAndTheme.get(lesson.orgUnit());
            if (byTheme == null) {
                return List.of();
            }
            Map<String, ReviewRef> candidates = new LinkedHashMap<>();
            Instant after = lesson.recordedAt();
            Instant until = lesson.recordedAt().plus(window);
            for (String theme : new HashSet<>(lesson.themes())) {
                List<ReviewRef> filed = byTheme.getOrDefault(theme, List.of());
                for (int i = firstHeldAfter(filed, after); i < filed.size(); i++) {
                    ReviewRef review = filed.get(i);
                    if (review.heldAt().isAfter(until)) {
                        break;
                    }
                    candidates.putIfAbsent(review.reviewId(), review);
                }
            }
            return candidates.values();
        }

        /** The first index in {@code filed} (by date held) of a review held strictly after {@code after}. */
        private static int firstHeldAfter(List<ReviewRef> filed, Instant after) {
            int low = 0;
            int high = filed.size();
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (filed.get(middle).heldAt().isAfter(after)) {
                    high = middle;
                } else {
                    low = middle + 1;
                }
            }
            return low;
        }
    }

    /** The rule: the review is a recurrence of the lesson, or null when it is not. */
    static Recurrence recurs(LessonDocument lesson, ReviewRef review, Duration window) {
        if (lesson.themes().isEmpty()
                || lesson.recordedAt() == null
                || review.heldAt() == null
                || !review.heldAt().isAfter(lesson.recordedAt())
                || review.heldAt().isAfter(lesson.recordedAt().plus(window))
                || lesson.reviewIds().contains(review.reviewId())
                || review.orgUnit() == null
                || !OrgUnits.selfAndAncestors(review.orgUnit()).contains(lesson.orgUnit())) {
            return null;
        }
        List<String> again = lesson.themes().stream()
                .filter(review.rootCauseThemes()::contains)
                .distinct()
                .sorted()
                .toList();
        if (again.isEmpty()) {
            return null;
        }
        return new Recurrence(
                lesson.lessonId(),
                lesson.orgUnit(),
                lesson.recordedAt(),
                review.reviewId(),
                review.orgUnit(),
                review.heldAt(),
                again,
                Duration.between(lesson.recordedAt(), review.heldAt()).toMillis() / MILLIS_PER_DAY);
    }

    /** Whether the lesson's window is over at {@code now}: only then can it be told not to have recurred. */
    public static boolean judged(LessonDocument lesson, Instant now, Duration window) {
        return lesson.recordedAt() != null && !lesson.recordedAt().plus(window).isAfter(now);
    }
}
