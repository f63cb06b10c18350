package io.learningloop.analytics.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.learningloop.analytics.metrics.Reports.ReviewSummary;
import io.learningloop.analytics.metrics.ReviewVerdict.Verdict;
import io.learningloop.codec.json.EventJson;
import io.learningloop.readmodel.LoopDocument;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The ritual rule on four reviews spread over three loops, judged on 2025-12-01 with a 180-day window.
 * Every expectation is worked out by hand in the comments.
 */
class ReviewVerdictTest {

    private static final ObjectMapper JSON = EventJson.newMapper();
    private static final Instant NOW = Instant.parse("2025-12-01T00:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(180);

    /*
     * R1 (held 2025-01-10, root cause "estimation") looked at D1 and D2. Its actions: A1 completed (on D1's
     *   loop and again on D2's: counted once), A2 completed (D2's loop only). Lessons: L1 on D1 names R1;
     *   L2 on D2 does not name it but was recorded 2025-01-20, after R1 -> drawn from it. L9 on D2 was
     *   recorded 2024-12-01, before R1 -> not drawn from it. Change C1 on D2's loop cites L2 and changed D7.
     *   -> root causes named, 2 of 2 actions completed, 1 of 2 lessons changed a decision: practice.
     * R2 (held 2025-03-01, root cause "staffing", on D1): action A3 dropped, no lesson naming it, and L1
     *   (2025-01-05) predates it. Settles 2025-03-01 + 180 d = 2025-08-28 <= NOW, nothing changed, nothing
     *   completed: ritual.
     * R3 (held 2025-04-01, no root cause, on D3): action A4 completed, no lesson. Settles 2025-09-28: settled,
     *   one action completed -> some practice, not all: partial.
     * R4 (held 2025-11-01, root cause "tooling", on D3): nothing yet, settles 2026-04-30 > NOW: pending.
     */
    private final List<LoopDocument> loops = List.of(loop("""
                    {"decisionId": "d1", "actor": "p-a",
                     "reviews": [{"reviewId": "r1", "heldAt": "2025-01-10T00:00:00Z", "kind": "post-mortem",
                                  "rootCauseThemes": ["estimation"], "orgUnit": "acme/eng"},
                                 {"reviewId": "r2", "heldAt": "2025-03-01T00:00:00Z", "kind": "retrospective",
                                  "rootCauseThemes": ["staffing"], "orgUnit": "acme/eng"}],
                     "actions": [{"actionId": "a1", "reviewId": "r1", "status": "completed"},
                                 {"actionId": "a3", "reviewId": "r2", "status": "dropped"}],
                     "lessons": [{"lessonId": "l1", "recordedAt": "2025-01-05T00:00:00Z", "reviewIds": ["r1"]}]}"""), loop("""
                    {"decisionId": "d2", "actor": "p-b",
                     "reviews": [{"reviewId": "r1", "heldAt": "2025-01-10T00:00:00Z", "kind": "post-mortem",
                                  "rootCauseThemes": ["estimation"], "orgUnit": "acme/eng"}],
                     "actions": [{"actionId": "a1", "reviewId": "r1", "status": "completed"},
                                 {"actionId": "a2", "reviewId": "r1", "status": "completed"}],
                     "lessons": [{"lessonId": "l2", "recordedAt": "2025-01-20T00:00:00Z"},
                                 {"lessonId": "l9", "recordedAt": "2024-12-01T00:00:00Z"}],
                     "behaviorChanges": [{"behaviorChangeId": "c1", "decisionId": "d7", "lessonIds": ["l2"]}]}"""), loop("""
                    {"decisionId": "d3", "actor": "p-c",
                     "reviews": [{"reviewId": "r3", "heldAt": "2025-04-01T00:00:00Z", "kind": "after-action-review",
                                  "rootCauseThemes": [], "orgUnit": "acme/eng"},
                                 {"reviewId": "r4", "heldAt": "2025-11-01T00:00:00Z", "kind": "post-mortem",
                                  "rootCauseThemes": ["tooling"], "orgUnit": "acme/eng"}],
                     "actions": [{"actionId": "a4", "reviewId": "r3", "status": "completed"}]}"""));

    @Test
    void theFactsOfAReviewAreGatheredFromEveryLoopItLookedAtEachOnce() {
        ReviewFacts r1 = ReviewFacts.of(loops).get("r1");

        assertThat(r1.decisionIds()).containsExactly("d1", "d2");
        assertThat(r1.actionsAssigned()).isEqualTo(2);
        assertThat(r1.actionsCompleted()).isEqualTo(2);
        assertThat(r1.lessonIds()).containsExactly("l1", "l2");
        assertThat(r1.changedDecisions()).isEqualTo(Map.of("l2", List.of("d7")));
    }

    @Test
    void eachReviewGetsItsVerdictAndItsReasons() {
        Map<String, ReviewFacts> reviews = ReviewFacts.of(loops);

        ReviewVerdict r1 = ReviewVerdict.of(reviews.get("r1"), NOW, WINDOW);
        assertThat(r1.verdict()).isEqualTo(Verdict.PRACTICE);
        assertThat(r1.reasons())
                .containsExactly(
                        "named root causes (estimation)",
                        "2 of 2 actions completed",
                        "1 of 2 lessons changed a later decision");
        assertThat(ReviewVerdict.of(reviews.get("r2"), NOW, WINDOW).verdict()).isEqualTo(Verdict.RITUAL);
        assertThat(ReviewVerdict.of(reviews.get("r2"), NOW, WINDOW).reasons())
                .containsExactly("named root causes (staffing)", "0 of 1 actions completed", "no lesson drawn from it");
        assertThat(ReviewVerdict.of(reviews.get("r3"), NOW, WINDOW).verdict()).isEqualTo(Verdict.PARTIAL);
        ReviewVerdict r4 = ReviewVerdict.of(reviews.get("r4"), NOW, WINDOW);
        assertThat(r4.verdict()).isEqualTo(Verdict.PENDING);
        assertThat(r4.settlesOn()).isEqualTo(LocalDate.parse("2026-04-30"));
    }

    /* R2 settles 2025-08-28T00:00Z: a moment before it is pending, at it a ritual. */
    @Test
    void theSettlingWindowIsTheBoundaryBetweenPendingAndRitual() {
        ReviewFacts r2 = ReviewFacts.of(loops).get("r2");
        Instant settles = Instant.parse("2025-08-28T00:00:00Z");

        assertThat(ReviewVerdict.of(r2, settles.minusMillis(1), WINDOW).verdict())
                .isEqualTo(Verdict.PENDING);
        assertThat(ReviewVerdict.of(r2, settles, WINDOW).verdict()).isEqualTo(Verdict.RITUAL);
    }

    /*
     * Judged: r1 practice, r2 ritual, r3 partial = 3; r4 pending. ritualRate = 1/3, practiceRate = 1/3.
     * People: the makers of the reviews' decisions, p-a, p-b (r1, r2), p-c (r3, r4): 3 < 5, so staff see none.
     */
    @Test
    void theSummaryRatesAreOverTheJudgedReviewsAndWithheldBelowFivePeople() {
        ReviewSummary all = RitualReviews.summarise(
                List.copyOf(ReviewFacts.of(loops).values()), NOW, WINDOW, Audience.DETAIL.withholding(), "");
        assertThat(all).isEqualTo(new ReviewSummary(4L, 1L, 1L, 1L, 1L, 1.0 / 3, 1.0 / 3));

        Withholding staff = Audience.aggregatesOnly(5).withholding();
        ReviewSummary withheld =
                RitualReviews.summarise(List.copyOf(ReviewFacts.of(loops).values()), NOW, WINDOW, staff, "reviews.");
        assertThat(withheld).isEqualTo(new ReviewSummary(null, null, null, null, null, null, null));
        assertThat(staff.withheld())
                .hasSize(7)
                .first()
                .satisfies(first -> assertThat(first.figure()).isEqualTo("reviews.reviews"));
    }

    private static LoopDocument loop(String json) {
        try {
            return JSON.readValue(json, LoopDocument.class);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
