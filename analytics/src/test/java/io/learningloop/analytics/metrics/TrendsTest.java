package io.learningloop.analytics.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.learningloop.analytics.metrics.Trend.Better;
import io.learningloop.analytics.metrics.Trend.Unit;
import io.learningloop.analytics.metrics.YearOverYear.Group;
import io.learningloop.analytics.metrics.YearOverYear.Report;
import io.learningloop.analytics.statistics.Estimate;
import io.learningloop.analytics.statistics.Mean;
import io.learningloop.analytics.statistics.Median;
import io.learningloop.analytics.statistics.Proportion;
import io.learningloop.analytics.statistics.Significance;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The trend verdicts: a change is called only when its test says p < 0.05. Every p-value here is worked
 * out by hand in the comment beside it, from the formula the test names, not by the code under test.
 */
class TrendsTest {

    private static final List<Integer> YEARS = List.of(2023, 2024, 2025);

    private static Trend rates(Better better, Proportion... perYear) {
        return Trend.estimated("m", Unit.SHARE, better, "d", YEARS.subList(0, perYear.length), Arrays.asList(perYear));
    }

    @Test
    void eightyToSeventyPercentOnTenReviewsIsNoClearChange() {
        // The example: 8/10 then 7/10. Each year expects 7.5 successes and 2.5 failures: fewer
        // than 5, so Fisher's exact test. With 15 successes of 20 and 10 cases in the first year,
        // P(k) = C(10,k) C(10,15-k) / C(20,15) for k = 5..10: 252, 2100, 5400, 5400, 2100, 252 (of 15504).
        // The table seen (k = 8) is among the likeliest: every table is no more likely, p = 1.
        Trend trend = rates(Better.HIGHER, Proportion.of(8, 10), Proportion.of(7, 10));

        assertThat(trend.change().test()).isEqualTo(Significance.FISHER);
        assertThat(trend.change().pValue()).isCloseTo(1.0, within(1e-9));
        assertThat(trend.verdict()).isEqualTo(Trend.NO_CLEAR_CHANGE);
    }

    @Test
    void theZTestCallsAChangeJustAboveItsBoundaryAndNotJustBelow() {
        // 50/100 then 64/100: pooled p = 114/200 = 0.57, se = sqrt(0.57*0.43*(1/100+1/100)) = 0.070014,
        // z = 0.14 / 0.070014 = 1.99960, p = 2 (1 - Phi(1.9996)) = 0.04554 < 0.05: better.
        Trend better = rates(Better.HIGHER, Proportion.of(50, 100), Proportion.of(64, 100));
        assertThat(better.change().test()).isEqualTo(Significance.Z_TEST);
        assertThat(better.change().pValue()).isCloseTo(0.04554, within(1e-4));
        assertThat(better.verdict()).isEqualTo(Trend.BETTER);

        // 50/100 then 63/100: pooled 0.565, se = sqrt(0.565*0.435*0.02) = 0.070111, z = 0.13/0.070111 =
        // 1.85420, p = 0.06371 >= 0.05: no clear change, although the rate rose 13 points.
        Trend notYet = rates(Better.HIGHER, Proportion.of(50, 100), Proportion.of(63, 100));
        assertThat(notYet.change().pValue()).isCloseTo(0.06371, within(1e-4));
        assertThat(notYet.verdict()).isEqualTo(Trend.NO_CLEAR_CHANGE);

        // The same fall where lower is better reads as worse: 64/100 then 50/100.
        Trend worse = rates(Better.LOWER, Proportion.of(50, 100), Proportion.of(64, 100));
        assertThat(worse.verdict()).isEqualTo(Trend.WORSE);
    }

    @Test
    void theFirstAndLastYearsWithAnEstimateAreCompared() {
        Trend trend = rates(Better.HIGHER, null, Proportion.of(50, 100), Proportion.of(64, 100));

        assertThat(trend.change().fromYear()).isEqualTo(2024);
        assertThat(trend.change().toYear()).isEqualTo(2025);
        assertThat(trend.values()).containsExactly(null, 0.5, 0.64);
    }

    @Test
    void withFewerThanTwoYearsOrNoBetterDirectionThereIsNoVerdict() {
        assertThat(rates(Better.HIGHER, null, Proportion.of(5, 10), null).change())
                .isNull();
        assertThat(rates(Better.NEITHER, Proportion.of(1, 10), Proportion.of(9, 10))
                        .change())
                .isNull();
        assertThat(Trend.counted("Lessons recorded", "d", List.of(3.0, 9.0)).change())
                .isNull();
    }

    @Test
    void mediansAreComparedByMannWhitneyAndMeansByWelch() {
        // Days 1..8 against 11..18: every later value is larger, U = 0. With n1 = n2 = 8, mean U = 32,
        // sd = sqrt(8*8*17/12) = 9.5219, z = (0 - 32) / 9.5219 = -3.3607 (commons-math's U test uses the
        // normal approximation without continuity correction), p = 0.000778.
        Estimate earlier = Median.of(List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0));
        Estimate later = Median.of(List.of(11.0, 12.0, 13.0, 14.0, 15.0, 16.0, 17.0, 18.0));
        Trend days = Trend.estimated(
                "Decision to outcome", Unit.DAYS, Better.LOWER, "d", YEARS.subList(0, 2), List.of(earlier, later));
        assertThat(days.change().test()).isEqualTo(Significance.MANN_WHITNEY);
        assertThat(days.change().pValue()).isCloseTo(0.000778, within(2e-5));
        assertThat(days.verdict()).isEqualTo(Trend.WORSE);

        // Brier 0.1, 0.2, 0.3 (mean 0.2, var 0.01) against 0.2, 0.3, 0.4 (mean 0.3, var 0.01): t =
        // -0.1 / sqrt(0.01/3 + 0.01/3) = -1.2247 on Welch df = 4, p = 0.2879.
        Trend brier = Trend.estimated(
                "Brier score",
                Unit.SCORE,
                Better.LOWER,
                "d",
                YEARS.subList(0, 2),
                List.of(Mean.of(List.of(0.1, 0.2, 0.3)), Mean.of(List.of(0.2, 0.3, 0.4))));
        assertThat(brier.change().test()).isEqualTo(Significance.WELCH);
        assertThat(brier.change().pValue()).isCloseTo(0.2879, within(1e-4));
        assertThat(brier.verdict()).isEqualTo(Trend.NO_CLEAR_CHANGE);
    }

    @Test
    void pageShowsEveryYearWithItsIntervalAndTheVerdictWithItsTest() {
        Report report = new Report(
                "acme/<eng>",
                List.of(2024, 2025),
                List.of(new Group(
                        "Do lessons change decisions?",
                        List.of(
                                Trend.estimated(
                                        "Learning conversion",
                                        Unit.SHARE,
                                        Better.HIGHER,
                                        "converted / recorded",
                                        List.of(2024, 2025),
                                        List.of(Proportion.of(50, 100), Proportion.of(64, 100))),
                                Trend.estimated(
                                        "Decision to outcome",
                                        Unit.DAYS,
                                        Better.LOWER,
                                        "days",
                                        List.of(2024, 2025),
                                        Arrays.asList(Median.of(List.of(20.25)), null))))),
                "Recent years are incomplete.",
                List.of());

        String page = TrendsPage.render(report);

        assertThat(page)
                .startsWith("<!DOCTYPE html>")
                .contains("acme/&lt;eng&gt;")
                .doesNotContain("acme/<eng>")
                .contains("<th>2024</th><th>2025</th>")
                .contains("50 %")
                .contains("64 %")
                .contains("▲ better")
                .contains("two-proportion z-test, 2024 vs 2025, p = 0.046")
                .contains("Recent years are incomplete.");
    }

    @Test
    void aWithheldValueShowsAsWithheldWithItsReasonNotAsNothingToMeasure() {
        Report report = new Report(
                "acme/eng",
                List.of(2024, 2025),
                List.of(new Group(
                        "Do lessons change decisions?",
                        List.of(Trend.estimated(
                                "Learning conversion",
                                Unit.SHARE,
                                Better.HIGHER,
                                "converted / recorded",
                                List.of(2024, 2025),
                                Arrays.asList(Proportion.of(1, 2), null))))),
                "c",
                List.of(new Reports.Withheld("Learning conversion.2025", "fewer than 5 people")));

        String page = TrendsPage.render(report);

        assertThat(page)
                .contains("withheld <small>(fewer than 5 people)</small>")
                .contains("computed over too few people to show without exposing someone: fewer than 5 people.");
    }
}
