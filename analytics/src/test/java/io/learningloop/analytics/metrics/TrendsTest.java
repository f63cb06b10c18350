package io.learningloop.analytics.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.learningloop.analytics.evidence.Evidence.Answer;
import io.learningloop.analytics.evidence.Evidence.Chain;
import io.learningloop.analytics.evidence.Evidence.Change;
import io.learningloop.analytics.evidence.Evidence.Decision;
import io.learningloop.analytics.evidence.Evidence.Lesson;
import io.learningloop.analytics.evidence.Evidence.Origin;
import io.learningloop.analytics.evidence.Evidence.Review;
import io.learningloop.analytics.evidence.Evidence.Totals;
import io.learningloop.analytics.metrics.Trend.Better;
import io.learningloop.analytics.metrics.Trend.Unit;
import io.learningloop.analytics.metrics.YearOverYear.Group;
import io.learningloop.analytics.metrics.YearOverYear.Report;
import io.learningloop.analytics.statistics.Estimate;
import io.learningloop.analytics.statistics.Mean;
import io.learningloop.analytics.statistics.Median;
import io.learningloop.analytics.statistics.Proportion;
import io.learningloop.analytics.statistics.Significance;
import io.learningloop.contract.events.Assessment;
import io.learningloop.contract.events.DecisionCategory;
import io.learningloop.contract.events.ExtractionPractice;
import io.learningloop.contract.events.ReviewKind;
import java.time.Instant;
import java.time.LocalDate;
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

    /** An opening with something to show, for the pages whose measures a test reads. */
    private static final TrendsOpening.Opening OPENING =
            new TrendsOpening.Opening("acme/eng", 2025, 12L, 3L, 3, List.of("A chain."), null);

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

        String page = TrendsPage.render(OPENING, report);

        assertThat(page)
                .startsWith("<!DOCTYPE html>")
                .contains("acme/&lt;eng&gt;")
                .doesNotContain("acme/<eng>")
                .doesNotContain("<script")
                .contains("<th>2024</th><th>2025</th><th class=\"chart\">Per year, 95 % interval</th><th>Trend</th>")
                // Wilson 95 %: 50/100 -> 40.4–59.6 %, 64/100 -> 54.2–72.7 %
                .contains(
                        "<td>50 % <small>(40–60 %), n = 100</small></td><td>64 % <small>(54–73 %), n = 100</small></td>")
                // one value: a median without an interval, and a year with nothing
                .contains("<td>20 <small>n = 1</small></td><td><span class=\"none\">–</span></td>")
                .contains("<td class=\"better\" title=\"two-proportion z-test, 2024 vs 2025, p = 0.046\">▲ better"
                        + "<small>two-proportion z-test, 2024 vs 2025, p = 0.046</small></td>")
                .contains("Recent years are incomplete.");
        List<String> rows = rows(page);
        assertThat(rows).hasSize(2);
        // shares on 0–100 % over y 36 (0 %) to 4 (100 %); x: the middle of each year's half of 128
        assertThat(rows.get(0))
                .contains("<svg class=\"chart\"")
                .contains("<circle cx=\"32.0\" cy=\"20.0\" r=\"2.5\"/><circle cx=\"96.0\" cy=\"15.5\" r=\"2.5\"/>")
                // 2024's whisker from 40.38 % (y 36 - 32 * 0.4038 = 23.1) to 59.62 % (y 16.9)
                .contains("<line class=\"whisker\" x1=\"32.0\" y1=\"23.1\" x2=\"32.0\" y2=\"16.9\"/>");
        assertThat(circles(rows.get(0))).isEqualTo(2);
        // days from 0 to the highest value shown (20.25: y 4); no interval, so no whisker; 2025 left empty
        assertThat(rows.get(1))
                .contains("<circle cx=\"32.0\" cy=\"4.0\" r=\"2.5\"/>")
                .doesNotContain("whisker");
        assertThat(circles(rows.get(1))).isEqualTo(1);
    }

    @Test
    void aWithheldValueShowsAsWithheldWithItsReasonAndIsNotDrawn() {
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
                                // 2025's estimate is withheld below: the page must neither print nor draw it
                                List.of(Proportion.of(1, 2), Proportion.of(3, 4)))))),
                "c",
                List.of(new Reports.Withheld("Learning conversion.2025", "fewer than 5 people")));

        String page = TrendsPage.render(OPENING, report);

        assertThat(page)
                .contains("<td><span class=\"withheld\" title=\"fewer than 5 people\">withheld <small>(fewer than 5"
                        + " people)</small></span></td>")
                .doesNotContain("75 %")
                .contains("computed over too few people to show without exposing someone: fewer than 5 people.");
        assertThat(circles(rows(page).get(0))).isEqualTo(1);
        assertThat(rows(page).get(0)).contains("<circle cx=\"32.0\" cy=\"20.0\" r=\"2.5\"/>");
    }

    @Test
    void ritualsAndRelearningComeRightAfterTheOpeningThenTheOtherMeasures() {
        Trend count = Trend.counted("Lessons recorded", "recorded", List.of(4.0, 6.0));
        Report report = new Report(
                "acme",
                List.of(2024, 2025),
                List.of(
                        new Group("Do lessons change decisions?", List.of(count)),
                        new Group(YearOverYear.RITUALS, List.of(count))),
                "c",
                List.of());

        String page = TrendsPage.render(OPENING, report);

        assertThat(page.indexOf("<section class=\"answer\">"))
                .isLessThan(page.indexOf("<h2>Are reviews a practice or a ritual?</h2>"));
        assertThat(page.indexOf("<h2>Are reviews a practice or a ritual?</h2>"))
                .isLessThan(page.indexOf("<h2>Do lessons change decisions?</h2>"));
        // a count: no sample, so no interval, yet drawn from 0 to the highest (6: y 4; 4: y 36 - 32 * 4 / 6)
        assertThat(page).contains("<td>4</td><td>6</td>");
        assertThat(rows(page).get(0))
                .contains("<circle cx=\"32.0\" cy=\"14.7\" r=\"2.5\"/><circle cx=\"96.0\" cy=\"4.0\" r=\"2.5\"/>");
    }

    @Test
    void theOpeningAnswersTheQuestionInWordsWithTheMostTellingChains() {
        TrendsOpening.Opening opening = new TrendsOpening.Opening(
                "acme/eng", 2025, 12L, 3L, 7, List.of("First <chain>.", "Second chain."), null);

        String page = TrendsPage.render(opening, emptyReport());

        assertThat(page)
                .contains("<section class=\"answer\"><h2>Were decisions made differently in 2025 because of what was"
                        + " learned in 2024?</h2><p class=\"answer\">3 of 12 decisions made in 2025 in acme/eng were made"
                        + " differently because of a lesson recorded in 2024.</p><p>The 2 most telling of 7 chains of"
                        + " evidence:</p><ol class=\"chains\"><li>First &lt;chain&gt;.</li><li>Second chain.</li></ol>"
                        + "</section>");
    }

    @Test
    void withoutEvidenceTheOpeningSaysSoInWords() {
        String none = TrendsPage.render(
                new TrendsOpening.Opening("acme/eng", 2025, 12L, 0L, 0, List.of(), null), emptyReport());
        String nothing = TrendsPage.render(
                new TrendsOpening.Opening("acme/eng", 2025, 0L, 0L, 0, List.of(), null), emptyReport());
        String single = TrendsPage.render(
                new TrendsOpening.Opening("acme/eng", 2025, 1L, 0L, 0, List.of(), null), emptyReport());
        String one = TrendsPage.render(
                new TrendsOpening.Opening("acme/eng", 2025, 1L, 1L, 1, List.of("It."), null), emptyReport());

        assertThat(none)
                .contains("<p class=\"answer\">None of the 12 decisions made in 2025 in acme/eng was made differently"
                        + " because of a lesson recorded in 2024.</p></section>");
        assertThat(nothing)
                .contains("<p class=\"answer\">No decision was made in 2025 in acme/eng: there is nothing to answer"
                        + " with yet.</p></section>");
        assertThat(single)
                .contains("<p class=\"answer\">The one decision made in 2025 in acme/eng was not made differently"
                        + " because of a lesson recorded in 2024.</p></section>");
        assertThat(one)
                .contains("<p class=\"answer\">1 of 1 decision made in 2025 in acme/eng was made differently because"
                        + " of a lesson recorded in 2024.</p><p>The chain of evidence:</p>");
    }

    @Test
    void staffFewerThanKDecisionMakersReadThatTheAnswerIsWithheldAndWhy() {
        String page = TrendsPage.render(
                TrendsOpening.Opening.withheld("acme/eng", 2025, "fewer than 5 people"), emptyReport());

        assertThat(page)
                .contains(
                        "<p class=\"answer\">Withheld: the decisions made in 2025 in acme/eng were made by fewer than"
                                + " 5 people, too few to count them or tell their chains without exposing someone.</p></section>")
                .doesNotContain("<ol class=\"chains\">");
    }

    @Test
    void staffReadTheChainsWithoutFreeTextAnalystsWithTheirWords() {
        Answer answer = new Answer(
                "acme/eng",
                2025,
                LocalDate.of(2024, 1, 1),
                LocalDate.of(2025, 1, 1),
                "d",
                "s",
                new Totals(10, 1, 1, 1),
                1_000,
                false,
                List.of(chain()));

        String staff = TrendsPage.render(TrendsOpening.answered("acme/eng", 2025, answer, false), emptyReport());
        String analyst = TrendsPage.render(TrendsOpening.answered("acme/eng", 2025, answer, true), emptyReport());

        String sentence = "An operations decision in acme/eng/platform (March 2025) was made differently because of a"
                + " lesson on assumptions that acme/eng drew in November 2024 by storytelling, from a post-mortem of"
                + " a failed decision: 112 days from lesson to decision.";
        assertThat(staff)
                .contains("<p class=\"answer\">1 of 10 decisions made in 2025 in acme/eng was made differently")
                .contains("<li>" + sentence + "</li>")
                .doesNotContain("Move to", "Test the", "We test");
        assertThat(analyst)
                .contains("<li>" + sentence + " Decision: “Move to &lt;Postgres&gt;”. Lesson: “Test the assumption”"
                        + " (We test it first).</li>");
    }

    private static Chain chain() {
        return new Chain(
                "d1",
                "b1",
                "l1",
                112,
                true,
                new Decision(
                        "Move to <Postgres>",
                        "acme/eng/platform",
                        DecisionCategory.OPERATIONS,
                        Instant.parse("2025-03-10T00:00:00Z")),
                new Change("Made differently", Instant.parse("2025-03-10T00:00:00Z")),
                new Lesson(
                        "Test the assumption",
                        "We test it first",
                        ExtractionPractice.STORYTELLING,
                        List.of("assumptions"),
                        "acme/eng",
                        Instant.parse("2024-11-18T00:00:00Z"),
                        false),
                List.of(new Origin("o1", "Origin", "acme/eng", Assessment.FAILED, false)),
                List.of(new Review(
                        "r1",
                        "o1",
                        ReviewKind.POST_MORTEM,
                        List.of("assumptions"),
                        Instant.parse("2024-11-10T00:00:00Z"))));
    }

    private static Report emptyReport() {
        return new Report("acme/eng", List.of(2024, 2025), List.of(), "c", List.of());
    }

    /** The page's measure rows, each from its opening tag. */
    private static List<String> rows(String page) {
        return Arrays.stream(page.split("<tr>"))
                .filter(row -> row.contains("<svg"))
                .toList();
    }

    private static int circles(String row) {
        return row.split("<circle", -1).length - 1;
    }
}
