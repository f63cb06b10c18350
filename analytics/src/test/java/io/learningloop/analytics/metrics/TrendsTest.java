package io.learningloop.analytics.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.learningloop.analytics.metrics.Trend.Better;
import io.learningloop.analytics.metrics.Trend.Unit;
import io.learningloop.analytics.metrics.YearOverYear.Group;
import io.learningloop.analytics.metrics.YearOverYear.Report;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrendsTest {

    private static Trend trend(Better better, Double... values) {
        return new Trend("m", Unit.SHARE, better, "d", Arrays.asList(values));
    }

    @Test
    void directionComparesTheFirstAndLastYearsWithAValueTheWayTheMeasureImproves() {
        assertThat(trend(Better.HIGHER, 0.38, 0.62, 0.71).direction()).isEqualTo("better");
        assertThat(trend(Better.HIGHER, 0.71, 0.9, 0.38).direction()).isEqualTo("worse");
        assertThat(trend(Better.LOWER, 40.0, null, 30.0).direction()).isEqualTo("better");
        assertThat(trend(Better.CLOSER_TO_ZERO, -0.3, 0.1).direction()).isEqualTo("better");
        assertThat(trend(Better.CLOSER_TO_ZERO, 0.1, -0.3).direction()).isEqualTo("worse");
        assertThat(trend(Better.HIGHER, 0.5, 0.5).direction()).isEqualTo("same");
    }

    @Test
    void withFewerThanTwoYearsToCompareOrNoGoodDirectionThereIsNoTrend() {
        assertThat(trend(Better.HIGHER, null, 0.5, null).direction()).isNull();
        assertThat(trend(Better.HIGHER, null, null).direction()).isNull();
        assertThat(trend(Better.NEITHER, 3.0, 9.0).direction()).isNull();
    }

    @Test
    void pageShowsEveryYearFormattedWithItsTrendAndEscapesWhatItQuotes() {
        Report report = new Report(
                "acme/<eng>",
                List.of(2024, 2025),
                List.of(new Group(
                        "Do lessons change decisions?",
                        List.of(
                                new Trend(
                                        "Learning conversion",
                                        Unit.SHARE,
                                        Better.HIGHER,
                                        "converted / recorded",
                                        List.of(2.0 / 3, 0.75)),
                                new Trend(
                                        "Decision to outcome",
                                        Unit.DAYS,
                                        Better.LOWER,
                                        "days",
                                        Arrays.asList(20.25, null)),
                                new Trend("Brier score", Unit.SCORE, Better.LOWER, "score", List.of(0.3, 0.34))))),
                "Recent years are incomplete.",
                List.of());

        String page = TrendsPage.render(report);

        assertThat(page)
                .startsWith("<!DOCTYPE html>")
                .contains("acme/&lt;eng&gt;")
                .doesNotContain("acme/<eng>")
                .contains("<th>2024</th><th>2025</th>")
                .contains("<td>67 %</td><td>75 %</td><td class=\"better\">▲ better</td>")
                .contains("<td>20</td><td><span class=\"none\">–</span></td><td class=\"none\">–</td>")
                .contains("<td>0.30</td><td>0.34</td><td class=\"worse\">▼ worse</td>")
                .contains("Recent years are incomplete.");
    }

    @Test
    void aWithheldValueShowsAsWithheldWithItsReasonNotAsNothingToMeasure() {
        Report report = new Report(
                "acme/eng",
                List.of(2024, 2025),
                List.of(new Group(
                        "Do lessons change decisions?",
                        List.of(new Trend(
                                "Learning conversion",
                                Unit.SHARE,
                                Better.HIGHER,
                                "converted / recorded",
                                Arrays.asList(0.5, null))))),
                "c",
                List.of(new Reports.Withheld("Learning conversion.2025", "fewer than 5 people")));

        String page = TrendsPage.render(report);

        assertThat(page)
                .contains("<td>50 %</td><td><span class=\"withheld\" title=\"fewer than 5 people\">withheld"
                        + " <small>(fewer than 5 people)</small></span></td><td class=\"none\">–</td>")
                .contains("computed over too few people to show without exposing someone: fewer than 5 people.");
    }
}
