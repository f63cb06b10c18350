package io.learningloop.analytics.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.learningloop.analytics.metrics.Reports.Calibration;
import io.learningloop.analytics.metrics.Reports.CheckInDiscipline;
import io.learningloop.analytics.metrics.Reports.FollowThrough;
import io.learningloop.analytics.metrics.Reports.Safety;
import io.learningloop.analytics.metrics.Reports.Spread;
import io.learningloop.codec.json.EventJson;
import io.learningloop.readmodel.LessonDocument;
import io.learningloop.readmodel.LoopDocument;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every expected number is worked out by hand from the three loops and three lessons below. */
class PracticeSignalsTest {

    /** The loops and lessons as a search cut to the counted parts returns them: the rest reads empty. */
    private static final ObjectMapper JSON = EventJson.newMapper();

    /** An analyst's answers: nothing withheld (the withholding itself: {@link WithholdingTest}). */
    private static final Audience EVERY_FIGURE = Audience.DETAIL;

    private static final AsOf NOW = new AsOf(Instant.parse("2026-01-01T12:00:00Z"), Duration.ofDays(3));

    /**
     * L1: confidence 0.9, failed (found by others), check-ins 3 planned / 1 held / 1 late / 1 missed, review
     * R1 (blameless, facilitated) with actions A1 completed in time and A2 completed late;
     * L2: confidence 0.6, as expected (self-reported), uncertainty stated, the same review R1 and its
     * actions again (R1 covered both decisions), plus R2 (not blameless) with A3 open and overdue and A4 dropped;
     * L3: confidence 0.5, no outcome yet, 2 check-ins planned and not due at {@link #NOW} (the later of them,
     * 2025-12-29, counts as missed from 2026-01-02T00:00Z: the end of its day plus three days), uncertainty stated.
     */
    private final List<LoopDocument> loops = List.of(loop("""
                    {"decisionId": "l1", "confidence": 0.9, "uncertaintyStated": false,
                     "outcome": {"assessment": "failed", "reportedBy": "others"},
                     "checkIns": [{"scheduledFor": "2025-01-10", "status": "held"},
                                  {"scheduledFor": "2025-01-20", "status": "held-late"},
                                  {"scheduledFor": "2025-02-01", "status": "missed"}],
                     "reviews": [{"reviewId": "r1", "blameless": true, "facilitated": true}],
                     "actions": [{"actionId": "a1", "status": "completed", "overdue": false},
                                 {"actionId": "a2", "status": "completed", "overdue": true}]}"""), loop("""
                    {"decisionId": "l2", "confidence": 0.6, "uncertaintyStated": true,
                     "outcome": {"assessment": "as-expected", "reportedBy": "decision-owner"},
                     "checkIns": [{"scheduledFor": "2025-03-01", "status": "held"}],
                     "reviews": [{"reviewId": "r1", "blameless": true, "facilitated": true},
                                 {"reviewId": "r2", "blameless": false, "facilitated": true}],
                     "actions": [{"actionId": "a1", "status": "completed", "overdue": false},
                                 {"actionId": "a2", "status": "completed", "overdue": true},
                                 {"actionId": "a3", "status": "open", "overdue": true, "dueDate": "2025-06-01"},
                                 {"actionId": "a4", "status": "dropped", "overdue": false}]}"""), loop("""
                    {"decisionId": "l3", "confidence": 0.5, "uncertaintyStated": true,
                     "checkIns": [{"scheduledFor": "2026-05-01", "status": "planned"},
                                  {"scheduledFor": "2025-12-29", "status": "planned"}],
                     "reviews": [], "actions": []}"""));

    @Test
    void checkInDisciplineCountsOnlyCheckInsThatAreDue() {
        // planned 3 + 1 + 2 = 6; due = held 2 + late 1 + missed 1 = 4; in time 2/4, held 3/4.
        assertThat(PracticeSignals.checkIns(loops, NOW, EVERY_FIGURE.withholding()))
                .isEqualTo(new CheckInDiscipline(6L, 4L, 2L, 1L, 1L, 0.5, 0.75));
    }

    /**
     * A backfill's check-ins never held and actions left open count as soon as their dates passed, before
     * the platform records them missed or overdue: the answer does not wait for those events.
     */
    @Test
    void datesThatPassedCountAtOnceAndDatesAheadDoNot() {
        List<LoopDocument> backfilled = List.of(loop("""
                {"decisionId": "l4",
                 "checkIns": [{"scheduledFor": "2025-12-28", "status": "planned"},
                              {"scheduledFor": "2025-12-29", "status": "planned"}],
                 "actions": [{"actionId": "a5", "status": "open", "overdue": false, "dueDate": "2025-12-31"},
                             {"actionId": "a6", "status": "open", "overdue": false, "dueDate": "2026-01-01"}]}"""));
        // 2025-12-28 counts missed from 2025-12-29T00:00Z + 3 days = 2026-01-01T00:00Z, before NOW (12:00);
        // 2025-12-29 only from 2026-01-02T00:00Z. a5 is overdue from 2026-01-01T00:00Z, a6 from 2026-01-02.
        assertThat(PracticeSignals.checkIns(backfilled, NOW, EVERY_FIGURE.withholding()))
                .isEqualTo(new CheckInDiscipline(2L, 1L, 0L, 0L, 1L, 0.0, 0.0));
        assertThat(PracticeSignals.followThrough(backfilled, NOW, EVERY_FIGURE.withholding()))
                .isEqualTo(new FollowThrough(2L, 0L, 0L, 0L, 2L, 1L, 0.0, 0.0));
        // Exactly at the moment it counts: missed (the platform records it missed at that very moment).
        AsOf atTheBoundary = new AsOf(Instant.parse("2026-01-02T00:00:00Z"), Duration.ofDays(3));
        assertThat(PracticeSignals.checkIns(backfilled, atTheBoundary, EVERY_FIGURE.withholding())
                        .missed())
                .isEqualTo(2);
        assertThat(PracticeSignals.followThrough(backfilled, atTheBoundary, EVERY_FIGURE.withholding())
                        .openOverdue())
                .isEqualTo(2);
        // A second before 2026-01-01T00:00Z nothing has passed yet.
        AsOf dayBefore = new AsOf(Instant.parse("2025-12-31T23:59:59Z"), Duration.ofDays(3));
        assertThat(PracticeSignals.checkIns(backfilled, dayBefore, EVERY_FIGURE.withholding())
                        .due())
                .isZero();
        assertThat(PracticeSignals.followThrough(backfilled, dayBefore, EVERY_FIGURE.withholding())
                        .openOverdue())
                .isZero();
    }

    @Test
    void followThroughCountsEachActionOnceThoughTwoLoopsHoldIt() {
        // a1..a4: completed a1, a2 (a2 late), dropped a4, open a3 (overdue): 2/4 completed, 1/4 in time.
        assertThat(PracticeSignals.followThrough(loops, NOW, EVERY_FIGURE.withholding()))
                .isEqualTo(new FollowThrough(4L, 2L, 1L, 1L, 1L, 1L, 0.5, 0.25));
    }

    @Test
    void safetySignalsOfDecisionsOutcomesAndReviews() {
        // uncertainty 2/3; outcomes with a reporter 2, self-reported 1/2; bad outcomes 1 (l1, by others): 0/1;
        // reviews r1, r2: blameless 1/2, facilitated 2/2.
        assertThat(PracticeSignals.safety(loops, EVERY_FIGURE.withholding()))
                .isEqualTo(new Safety(3L, 2.0 / 3, 2L, 0.5, 1L, 0.0, 2L, 0.5, 1.0));
    }

    @Test
    void calibrationComparesStatedConfidenceWithHowOutcomesTurnedOut() {
        // judged l1 (0.9, miss) and l2 (0.6, hit): mean 0.75, hit rate 0.5, overconfidence 0.25,
        // Brier ((0.9 - 0)^2 + (0.6 - 1)^2) / 2 = (0.81 + 0.16) / 2 = 0.485.
        Calibration calibration = PracticeSignals.calibration(loops, EVERY_FIGURE.withholding());
        assertThat(calibration.decisionsJudged()).isEqualTo(2);
        assertThat(calibration.meanConfidence()).isCloseTo(0.75, within(1e-12));
        assertThat(calibration.hitRate()).isEqualTo(0.5);
        assertThat(calibration.overconfidence()).isCloseTo(0.25, within(1e-12));
        assertThat(calibration.brierScore()).isCloseTo(0.485, within(1e-12));
    }

    @Test
    void outcomesOfRevisionOneWithAnUnknownReporterAreLeftOutOfSelfReporting() {
        List<LoopDocument> withUnknown = new ArrayList<>(loops);
        withUnknown.add(loop("""
                {"decisionId": "l4", "confidence": 0.7, "uncertaintyStated": false,
                 "outcome": {"assessment": "failed", "reportedBy": "unknown"}, "checkInCounts": {}}"""));

        Safety safety = PracticeSignals.safety(withUnknown, EVERY_FIGURE.withholding());

        assertThat(safety.outcomesWithReporter()).isEqualTo(2);
        assertThat(safety.badOutcomes()).isEqualTo(1);
        assertThat(PracticeSignals.calibration(withUnknown, EVERY_FIGURE.withholding())
                        .decisionsJudged())
                .isEqualTo(3);
    }

    @Test
    void spreadOfLessonsBeyondTheirOwnUnit() {
        // k1 shared and changed a decision of acme/hr; k2 changed only its own unit's; k3 nothing.
        List<LessonDocument> lessons = List.of(lesson("""
                        {"lessonId": "k1", "orgUnit": "acme/eng", "sharedCount": 2,
                         "behaviorChanges": [{"orgUnit": "acme/eng"}, {"orgUnit": "acme/hr"}]}"""), lesson("""
                        {"lessonId": "k2", "orgUnit": "acme/eng", "sharedCount": 0,
                         "behaviorChanges": [{"orgUnit": "acme/eng"}]}"""), lesson("""
                        {"lessonId": "k3", "orgUnit": "acme/eng", "sharedCount": 0, "behaviorChanges": []}"""));

        assertThat(PracticeSignals.spread(lessons, EVERY_FIGURE.withholding()))
                .isEqualTo(new Spread(3L, 1.0 / 3, 1.0 / 3));
    }

    @Test
    void anEmptyCohortHasCountsOfZeroAndNoRates() {
        assertThat(PracticeSignals.checkIns(List.of(), NOW, EVERY_FIGURE.withholding()))
                .isEqualTo(new CheckInDiscipline(0L, 0L, 0L, 0L, 0L, null, null));
        assertThat(PracticeSignals.followThrough(List.of(), NOW, EVERY_FIGURE.withholding()))
                .isEqualTo(new FollowThrough(0L, 0L, 0L, 0L, 0L, 0L, null, null));
        assertThat(PracticeSignals.calibration(List.of(), EVERY_FIGURE.withholding()))
                .isEqualTo(new Calibration(0L, null, null, null, null));
        assertThat(PracticeSignals.spread(List.of(), EVERY_FIGURE.withholding()))
                .isEqualTo(new Spread(0L, null, null));
    }

    private static LoopDocument loop(String json) {
        return read(json, LoopDocument.class);
    }

    private static LessonDocument lesson(String json) {
        return read(json, LessonDocument.class);
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
