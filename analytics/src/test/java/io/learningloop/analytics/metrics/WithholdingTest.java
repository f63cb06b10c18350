package io.learningloop.analytics.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.learningloop.analytics.metrics.Reports.Calibration;
import io.learningloop.analytics.metrics.Reports.Withheld;
import io.learningloop.codec.json.EventJson;
import io.learningloop.readmodel.LoopDocument;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The minimum-group rule at its boundary: k - 1 and k distinct people, with k = 5 as by default. */
class WithholdingTest {

    private static final Audience STAFF = Audience.aggregatesOnly(5);

    @Test
    void fourPeopleAreTooFewAndEachFigureIsNamedWithTheReason() {
        Withholding withholding = STAFF.withholding();

        Withholding.Gate gate =
                withholding.over(List.of("p1", "p2", "p3", "p4"), "safety.decisions", "safety.uncertaintyStatedRate");

        assertThat(gate.value(4L)).isNull();
        assertThat(withholding.withheld())
                .containsExactly(
                        new Withheld("safety.decisions", "fewer than 5 people"),
                        new Withheld("safety.uncertaintyStatedRate", "fewer than 5 people"));
    }

    @Test
    void fivePeopleShowTheFigure() {
        Withholding withholding = STAFF.withholding();

        Withholding.Gate gate = withholding.over(List.of("p1", "p2", "p3", "p4", "p5"), "conversionRate");

        assertThat(gate.value(0.6)).isEqualTo(0.6);
        assertThat(withholding.withheld()).isEmpty();
    }

    @Test
    void peopleAreCountedOnceHoweverManyDocumentsTheyHoldAndADocumentWithoutActorCountsNoOne() {
        Withholding withholding = STAFF.withholding();

        // five documents, four people; then five documents, four people and one that names no one
        assertThat(withholding.over(List.of("p1", "p1", "p2", "p3", "p4"), "a").shown())
                .isFalse();
        assertThat(withholding
                        .over(Arrays.asList("p1", "p2", "p3", "p4", null), "b")
                        .shown())
                .isFalse();
        assertThat(withholding.withheld()).extracting(Withheld::figure).containsExactly("a", "b");
    }

    @Test
    void anAnalystSeesEveryFigureEvenOfOnePersonOrNone() {
        Withholding withholding = Audience.DETAIL.withholding();

        assertThat(withholding.over(List.of("p1"), "a").value(1L)).isEqualTo(1L);
        assertThat(withholding.over(List.of(), "b").value(0L)).isEqualTo(0L);
        assertThat(withholding.withheld()).isEmpty();
    }

    /**
     * Five judged decisions, confidence 0.8 each, four as expected and one failed: mean confidence 0.8,
     * hit rate 4/5 = 0.8, overconfidence 0.0, Brier (4 x 0.2^2 + 0.8^2) / 5 = (0.16 + 0.64) / 5 = 0.16.
     */
    @Test
    void calibrationOfFiveDecisionMakersShowsAndOfFourIsWithheldWhole() {
        List<LoopDocument> fivePeople = List.of(
                judged("l1", "p1", "as-expected"),
                judged("l2", "p2", "as-expected"),
                judged("l3", "p3", "as-expected"),
                judged("l4", "p4", "as-expected"),
                judged("l5", "p5", "failed"));
        Calibration shown = PracticeSignals.calibration(fivePeople, STAFF.withholding());
        assertThat(shown.decisionsJudged()).isEqualTo(5L);
        assertThat(shown.meanConfidence()).isCloseTo(0.8, within(1e-12));
        assertThat(shown.hitRate()).isCloseTo(0.8, within(1e-12));
        assertThat(shown.overconfidence()).isCloseTo(0.0, within(1e-12));
        assertThat(shown.brierScore()).isCloseTo(0.16, within(1e-12));

        // the same five decisions, the last one made by p4 too: four people
        List<LoopDocument> fourPeople = List.of(
                fivePeople.get(0),
                fivePeople.get(1),
                fivePeople.get(2),
                fivePeople.get(3),
                judged("l5", "p4", "failed"));
        Withholding withholding = STAFF.withholding();
        assertThat(PracticeSignals.calibration(fourPeople, withholding))
                .isEqualTo(new Calibration(null, null, null, null, null));
        assertThat(withholding.withheld())
                .extracting(Withheld::figure)
                .containsExactly(
                        "calibration.decisionsJudged",
                        "calibration.meanConfidence",
                        "calibration.hitRate",
                        "calibration.overconfidence",
                        "calibration.brierScore");
    }

    /** A rate over a few of the cohort's decisions is withheld on its own though the cohort is large enough. */
    @Test
    void aFigureOverASubsetOfTheCohortCountsThePeopleOfThatSubset() {
        List<LoopDocument> loops = List.of(
                judged("l1", "p1", "failed"),
                judged("l2", "p2", "as-expected"),
                judged("l3", "p3", "as-expected"),
                judged("l4", "p4", "as-expected"),
                judged("l5", "p5", "as-expected"));
        Withholding withholding = STAFF.withholding();

        Reports.Safety safety = PracticeSignals.safety(loops, withholding);

        // five decision makers: decisions shown (5, none stating uncertainty: 0.0); one bad outcome, by p1: withheld
        assertThat(safety.decisions()).isEqualTo(5L);
        assertThat(safety.uncertaintyStatedRate()).isEqualTo(0.0);
        assertThat(safety.outcomesWithReporter()).isEqualTo(5L);
        assertThat(safety.badOutcomes()).isNull();
        assertThat(safety.badOutcomesSelfReportedRate()).isNull();
        assertThat(withholding.withheld())
                .extracting(Withheld::figure)
                .contains("safety.badOutcomes", "safety.badOutcomesSelfReportedRate")
                .doesNotContain("safety.decisions", "safety.outcomesWithReporter");
    }

    private static LoopDocument judged(String id, String actor, String assessment) {
        String json = """
                {"decisionId": "%s", "actor": "%s", "confidence": 0.8, "uncertaintyStated": false,
                 "outcome": {"assessment": "%s", "reportedBy": "decision-owner"}}""".formatted(id, actor, assessment);
        try {
            return EventJson.newMapper().readValue(json, LoopDocument.class);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
