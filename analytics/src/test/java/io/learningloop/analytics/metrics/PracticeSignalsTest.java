package io.learningloop.analytics.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.learningloop.analytics.metrics.Reports.Calibration;
import io.learningloop.analytics.metrics.Reports.CheckInDiscipline;
import io.learningloop.analytics.metrics.Reports.FollowThrough;
import io.learningloop.analytics.metrics.Reports.Safety;
import io.learningloop.analytics.metrics.Reports.Spread;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every expected number is worked out by hand from the three loops and three lessons below. */
class PracticeSignalsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * L1: confidence 0.9, failed (found by others), check-ins 3 planned / 1 held / 1 late / 1 missed, review
     * R1 (blameless, facilitated) with actions A1 completed in time and A2 completed late;
     * L2: confidence 0.6, as expected (self-reported), uncertainty stated, the same review R1 and its
     * actions again (R1 covered both decisions), plus R2 (not blameless) with A3 open and overdue and A4 dropped;
     * L3: confidence 0.5, no outcome yet, 2 check-ins planned and not due, uncertainty stated.
     */
    private final List<JsonNode> loops = List.of(
            json("""
                    {"decisionId": "l1", "confidence": 0.9, "uncertaintyStated": false,
                     "outcome": {"assessment": "failed", "reportedBy": "others"},
                     "checkInCounts": {"planned": 3, "held": 1, "missed": 1, "heldLate": 1},
                     "reviews": [{"reviewId": "r1", "blameless": true, "facilitated": true}],
                     "actions": [{"actionId": "a1", "status": "completed", "overdue": false},
                                 {"actionId": "a2", "status": "completed", "overdue": true}]}"""),
            json("""
                    {"decisionId": "l2", "confidence": 0.6, "uncertaintyStated": true,
                     "outcome": {"assessment": "as-expected", "reportedBy": "decision-owner"},
                     "checkInCounts": {"planned": 1, "held": 1, "missed": 0, "heldLate": 0},
                     "reviews": [{"reviewId": "r1", "blameless": true, "facilitated": true},
                                 {"reviewId": "r2", "blameless": false, "facilitated": true}],
                     "actions": [{"actionId": "a1", "status": "completed", "overdue": false},
                                 {"actionId": "a2", "status": "completed", "overdue": true},
                                 {"actionId": "a3", "status": "open", "overdue": true},
                                 {"actionId": "a4", "status": "dropped", "overdue": false}]}"""),
            json("""
                    {"decisionId": "l3", "confidence": 0.5, "uncertaintyStated": true,
                     "checkInCounts": {"planned": 2, "held": 0, "missed": 0, "heldLate": 0},
                     "reviews": [], "actions": []}"""));

    @Test
    void checkInDisciplineCountsOnlyCheckInsThatAreDue() {
        // planned 3 + 1 + 2 = 6; due = held 2 + late 1 + missed 1 = 4; in time 2/4, held 3/4.
        assertThat(PracticeSignals.checkIns(loops)).isEqualTo(new CheckInDiscipline(6, 4, 2, 1, 1, 0.5, 0.75));
    }

    @Test
    void followThroughCountsEachActionOnceThoughTwoLoopsHoldIt() {
        // a1..a4: completed a1, a2 (a2 late), dropped a4, open a3 (overdue): 2/4 completed, 1/4 in time.
        assertThat(PracticeSignals.followThrough(loops)).isEqualTo(new FollowThrough(4, 2, 1, 1, 1, 1, 0.5, 0.25));
    }

    @Test
    void safetySignalsOfDecisionsOutcomesAndReviews() {
        // uncertainty 2/3; outcomes with a reporter 2, self-reported 1/2; bad outcomes 1 (l1, by others): 0/1;
        // reviews r1, r2: blameless 1/2, facilitated 2/2.
        assertThat(PracticeSignals.safety(loops))
                .isEqualTo(new Safety(3, 2.0 / 3, 2, 0.5, 1, 0.0, 2, 0.5, 1.0));
    }

    @Test
    void calibrationComparesStatedConfidenceWithHowOutcomesTurnedOut() {
        // judged l1 (0.9, miss) and l2 (0.6, hit): mean 0.75, hit rate 0.5, overconfidence 0.25,
        // Brier ((0.9 - 0)^2 + (0.6 - 1)^2) / 2 = (0.81 + 0.16) / 2 = 0.485.
        Calibration calibration = PracticeSignals.calibration(loops);
        assertThat(calibration.decisionsJudged()).isEqualTo(2);
        assertThat(calibration.meanConfidence()).isCloseTo(0.75, within(1e-12));
        assertThat(calibration.hitRate()).isEqualTo(0.5);
        assertThat(calibration.overconfidence()).isCloseTo(0.25, within(1e-12));
        assertThat(calibration.brierScore()).isCloseTo(0.485, within(1e-12));
    }

    @Test
    void outcomesOfRevisionOneWithAnUnknownReporterAreLeftOutOfSelfReporting() {
        List<JsonNode> withUnknown = new ArrayList<>(loops);
        withUnknown.add(json("""
                {"decisionId": "l4", "confidence": 0.7, "uncertaintyStated": false,
                 "outcome": {"assessment": "failed", "reportedBy": "unknown"}, "checkInCounts": {}}"""));

        Safety safety = PracticeSignals.safety(withUnknown);

        assertThat(safety.outcomesWithReporter()).isEqualTo(2);
        assertThat(safety.badOutcomes()).isEqualTo(1);
        assertThat(PracticeSignals.calibration(withUnknown).decisionsJudged()).isEqualTo(3);
    }

    @Test
    void spreadOfLessonsBeyondTheirOwnUnit() {
        // k1 shared and changed a decision of acme/hr; k2 changed only its own unit's; k3 nothing.
        List<JsonNode> lessons = List.of(
                json("""
                        {"lessonId": "k1", "orgUnit": "acme/eng", "sharedCount": 2,
                         "behaviorChanges": [{"orgUnit": "acme/eng"}, {"orgUnit": "acme/hr"}]}"""),
                json("""
                        {"lessonId": "k2", "orgUnit": "acme/eng", "sharedCount": 0,
                         "behaviorChanges": [{"orgUnit": "acme/eng"}]}"""),
                json("""
                        {"lessonId": "k3", "orgUnit": "acme/eng", "sharedCount": 0, "behaviorChanges": []}"""));

        assertThat(PracticeSignals.spread(lessons)).isEqualTo(new Spread(3, 1.0 / 3, 1.0 / 3));
    }

    @Test
    void anEmptyCohortHasCountsOfZeroAndNoRates() {
        assertThat(PracticeSignals.checkIns(List.of())).isEqualTo(new CheckInDiscipline(0, 0, 0, 0, 0, null, null));
        assertThat(PracticeSignals.followThrough(List.of())).isEqualTo(new FollowThrough(0, 0, 0, 0, 0, 0, null, null));
        assertThat(PracticeSignals.calibration(List.of())).isEqualTo(new Calibration(0, null, null, null, null));
        assertThat(PracticeSignals.spread(List.of())).isEqualTo(new Spread(0, null, null));
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
