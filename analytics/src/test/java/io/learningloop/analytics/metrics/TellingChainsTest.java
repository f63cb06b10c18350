package io.learningloop.analytics.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.learningloop.analytics.evidence.Evidence.Chain;
import io.learningloop.analytics.evidence.Evidence.Change;
import io.learningloop.analytics.evidence.Evidence.Decision;
import io.learningloop.analytics.evidence.Evidence.Lesson;
import io.learningloop.analytics.evidence.Evidence.Origin;
import io.learningloop.analytics.evidence.Evidence.Review;
import io.learningloop.contract.events.Assessment;
import io.learningloop.contract.events.DecisionCategory;
import io.learningloop.contract.events.ExtractionPractice;
import io.learningloop.contract.events.ReviewKind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TellingChainsTest {

    /** From a failed decision's post-mortem, across units, by storytelling, 112 days. */
    private final Chain fromFailure =
            chain("d1", "acme/eng/platform", "acme/eng", true, ExtractionPractice.STORYTELLING, Assessment.FAILED, 112);
    /** Same unit, as expected, written only, 30 days: telling least of the three. */
    private final Chain quiet = chain(
            "d2",
            "acme/eng/platform",
            "acme/eng/platform",
            false,
            ExtractionPractice.DOCUMENT_ONLY,
            Assessment.AS_EXPECTED,
            30);
    /** Across units but from a successful decision, facilitated, 200 days. */
    private final Chain spread = chain(
            "d3",
            "acme/sales",
            "acme/eng",
            true,
            ExtractionPractice.FACILITATED_CHALLENGE,
            Assessment.AS_EXPECTED,
            200);

    @Test
    void aLessonFromFailureComesFirstThenOneThatSpreadThenTheRest() {
        assertThat(TellingChains.mostTelling(List.of(quiet, spread, fromFailure), 2))
                .containsExactly(fromFailure, spread);
    }

    @Test
    void staffReadTheChainWithoutFreeTextAnalystsWithIt() {
        assertThat(TellingChains.inWords(fromFailure, false))
                .isEqualTo("An operations decision in acme/eng/platform (March 2025) was made differently because"
                        + " of a lesson on assumptions that acme/eng drew in November 2024 by storytelling, from a"
                        + " post-mortem of a failed decision: 112 days from lesson to decision.");
        assertThat(TellingChains.inWords(fromFailure, true))
                .endsWith("112 days from lesson to decision. Decision: “Decision d1”. Lesson: “Test the"
                        + " assumption” (We test it first).");
        assertThat(TellingChains.inWords(quiet, false))
                .contains("that the unit drew in November 2024 in writing only, from a post-mortem of a successful"
                        + " decision");
    }

    private static Chain chain(
            String id,
            String unit,
            String lessonUnit,
            boolean crossUnit,
            ExtractionPractice practice,
            Assessment assessment,
            double days) {
        return new Chain(
                id,
                "b-" + id,
                "l-" + id,
                days,
                crossUnit,
                new Decision(
                        "Decision " + id, unit, DecisionCategory.OPERATIONS, Instant.parse("2025-03-10T00:00:00Z")),
                new Change("Made differently", Instant.parse("2025-03-10T00:00:00Z")),
                new Lesson(
                        "Test the assumption",
                        "We test it first",
                        practice,
                        List.of("assumptions"),
                        lessonUnit,
                        Instant.parse("2024-11-18T00:00:00Z"),
                        false),
                List.of(new Origin("o-" + id, "Origin", lessonUnit, assessment, false)),
                List.of(new Review(
                        "r-" + id,
                        "o-" + id,
                        ReviewKind.POST_MORTEM,
                        List.of("assumptions"),
                        Instant.parse("2024-11-10T00:00:00Z"))));
    }
}
