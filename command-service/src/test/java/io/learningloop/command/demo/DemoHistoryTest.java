package io.learningloop.command.demo;

import static io.learningloop.command.demo.DemoHistory.HORIZON;
import static org.assertj.core.api.Assertions.assertThat;

import io.learningloop.command.demo.DemoHistory.Step;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The demo history, checked by walking its steps in posting order with rules written down here again
 * ({@link LoopWalk}), not by asking the generator: every step must be one the API accepts.
 */
class DemoHistoryTest {

    static final List<String> KINDS = List.of(
            "decision",
            "check-in",
            "outcome",
            "review",
            "action",
            "action-completion",
            "action-drop",
            "lesson",
            "lesson-share",
            "behavior-change");
    private static final LocalDate LAST_DAY = HORIZON.atZone(ZoneOffset.UTC).toLocalDate();
    /** The platform's default check-in tolerance: a check-in is missed this long after its day. */
    private static final int TOLERANCE_DAYS = 3;

    final List<Step> steps = new DemoHistory().steps();
    final LoopWalk walk = LoopWalk.of(steps);

    @Test
    void theSameStepsComeOutEveryTime() {
        assertThat(new DemoHistory().steps()).isEqualTo(steps);
    }

    @Test
    void nothingHappensAfterTheHorizon() {
        assertThat(steps).allSatisfy(step -> {
            assertThat(step.occurredAt()).isBeforeOrEqualTo(HORIZON);
            assertThat(step.body().get("occurredAt"))
                    .isEqualTo(step.occurredAt().toString());
        });
        assertThat(walk.plannedCheckIns())
                .allSatisfy(planned -> assertThat(planned.date()).isBeforeOrEqualTo(LAST_DAY));
    }

    @Test
    void everyKindOfStepAppearsAndTheWholeStaysSmallEnoughToPostInAMinuteOrTwo() {
        Map<String, Long> perKind =
                steps.stream().collect(Collectors.groupingBy(LoopWalk::kindOf, TreeMap::new, Collectors.counting()));

        assertThat(perKind.keySet()).containsExactlyInAnyOrderElementsOf(KINDS);
        assertThat(perKind.values()).allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(10));
        assertThat(steps).hasSizeBetween(1_500, 3_000);
    }

    @Test
    void everyStepNamesOnlyEarlierStepsAndKeepsTheRulesOfTheLoop() {
        assertThat(walk.violations()).isEmpty();
        assertThat(walk.stepsWalked()).isEqualTo(steps.size());
    }

    @Test
    void theWalkNoticesStepsThatNameLaterOnes() {
        List<Step> reversed = new ArrayList<>(steps);
        Collections.reverse(reversed);

        assertThat(LoopWalk.of(reversed).violations()).hasSizeGreaterThan(steps.size() / 2);
    }

    @Test
    void checkInsAreHeldOnlyOnPlannedDatesWithReadingsOfDeclaredIndicators() {
        assertThat(walk.checkInsHeld()).isNotEmpty().allSatisfy(held -> {
            assertThat(walk.plannedCheckIns()).contains(held.planned());
            assertThat(walk.indicatorsOf(held.planned().decisionId())).containsAll(held.indicatorsRead());
            assertThat(held.indicatorsRead()).isNotEmpty();
        });
        assertThat(walk.checkInsHeld())
                .as("some held later than the tolerance")
                .anyMatch(held -> held.at()
                        .atZone(ZoneOffset.UTC)
                        .toLocalDate()
                        .isAfter(held.planned().date().plusDays(TOLERANCE_DAYS)));
    }

    @Test
    void somePlannedCheckInsAreNeverHeldSoThePlatformRecordsThemMissed() {
        long neverHeld = walk.plannedCheckIns().stream()
                .filter(planned -> walk.checkInsHeld().stream()
                        .noneMatch(held -> held.planned().equals(planned)))
                .filter(planned -> planned.date().plusDays(TOLERANCE_DAYS).isBefore(LAST_DAY))
                .count();

        assertThat(neverHeld).isGreaterThanOrEqualTo(20);
    }

    @Test
    void someActionsAreLeftOpenPastTheirDueDateSoThePlatformRecordsThemOverdue() {
        long overdue = walk.actions().values().stream()
                .filter(action -> action.end() == null && action.due().isBefore(LAST_DAY))
                .count();

        assertThat(overdue).isGreaterThanOrEqualTo(10);
    }

    @Test
    void emeaKeepsLearningTheSameLessonsWhileThePlatformUnitStopsRepeatingWhatItLearned() {
        assertThat(walk.relearnedShare("acme/sales/emea", HORIZON)).isGreaterThan(0.8);
        assertThat(walk.relearnedShare("acme/eng/platform", HORIZON))
                .isLessThan(walk.relearnedShare("acme/sales/emea", HORIZON) - 0.2);
    }

    @Test
    void theLearningUnitShowsManyDecisionsMadeDifferentlyBecauseOfLastYearsLessonsAndEmeaAlmostNone() {
        long platform = walk.decisionsWithEvidence("acme/eng/platform", 2025);
        assertThat(platform).isGreaterThanOrEqualTo(8);
        assertThat(walk.decisionsWithEvidence("acme/sales/emea", 2025)).isLessThanOrEqualTo(platform / 3);
    }

    @Test
    void thePlatformUnitConvertsMoreLessonsEachYearWhileEmeaStaysLow() {
        Map<Integer, Double> platform = walk.conversionByYear("acme/eng/platform");
        Map<Integer, Double> emea = walk.conversionByYear("acme/sales/emea");

        assertThat(platform.get(2023)).isLessThan(platform.get(2024));
        assertThat(platform.get(2024)).isLessThan(platform.get(2025));
        assertThat(platform.get(2025)).isGreaterThan(0.6);
        assertThat(emea.values()).allSatisfy(rate -> assertThat(rate).isLessThan(0.25));
    }

    @Test
    void emeaReviewsMoreOfItsOutcomesButTheLearningUnitsFollowThroughAndReportThemselvesMore() {
        assertThat(walk.reviewedShare("acme/sales/emea")).isGreaterThan(0.8);
        assertThat(walk.reviewedShare("acme/eng/platform")).isLessThan(0.75);
        assertThat(walk.completedShare("acme/eng/platform"))
                .isGreaterThan(walk.completedShare("acme/sales/emea") + 0.3);
        assertThat(walk.blamelessShare("acme/eng/platform"))
                .isGreaterThan(walk.blamelessShare("acme/sales/emea") + 0.4);
        assertThat(walk.ownerReportedShare("acme/eng/platform"))
                .isGreaterThan(walk.ownerReportedShare("acme/sales/emea") + 0.4);
        assertThat(walk.lessonsShared())
                .hasSizeGreaterThanOrEqualTo(20)
                .allSatisfy(share -> assertThat(share.to()).isNotEqualTo(share.from()));
    }

    @Test
    void theLearningUnitsStateUncertaintiesMoreOften() {
        Function<String, Double> share = unit -> walk.uncertaintyStatedShare(unit);

        assertThat(share.apply("acme/eng/platform")).isGreaterThan(share.apply("acme/sales/emea") + 0.3);
        assertThat(share.apply("acme/people")).isGreaterThan(share.apply("acme/sales/emea") + 0.3);
    }
}
