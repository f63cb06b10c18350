package io.learningloop.analytics.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.learningloop.analytics.statistics.KaplanMeier.Cumulative;
import io.learningloop.analytics.statistics.KaplanMeier.Observation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Five lessons: A converted on day 10, B is 20 days old without a change (censored), C converted on
 * day 30, D on day 40, E is 100 days old without one. Worked by hand: at day 10, 5 at risk, 1 event,
 * S = 4/5; B leaves at 20; at day 30, 3 at risk, 1 event, S = 4/5 * 2/3 = 8/15; at day 40, 2 at risk,
 * S = 8/15 * 1/2 = 4/15. The naive share converted is 3/5 = 60 %; within 90 days Kaplan-Meier says
 * 1 - 4/15 = 73 %, because B and E were not watched long enough to fail.
 */
class KaplanMeierTest {

    private static final KaplanMeier LESSONS = new KaplanMeier(List.of(
            new Observation(100, false),
            new Observation(30, true),
            new Observation(10, true),
            new Observation(20, false),
            new Observation(40, true)));

    @Test
    void theShareWithinADayCountsTheCensoredOnlyWhileTheyWereWatched() {
        Cumulative thirty = LESSONS.within(30);
        assertThat(thirty.share()).isCloseTo(1 - 8.0 / 15, within(1e-12));
        assertThat(thirty.followed()).isEqualTo(3); // C, D and E were followed 30 days or more
        assertThat(thirty.events()).isEqualTo(2);
        // Greenwood: 1/(5*4) + 1/(3*2) = 0.216667; on the log(-log) scale se = sqrt(0.216667) / |ln(8/15)|
        // = 0.740486, so the survival's bounds are S^(e^(+-1.96 se)) and the share's 1 minus them.
        assertThat(thirty.lower95()).isCloseTo(0.136929, within(1e-5));
        assertThat(thirty.upper95()).isCloseTo(0.931668, within(1e-5));

        Cumulative ninety = LESSONS.within(90);
        assertThat(ninety.share()).isCloseTo(1 - 4.0 / 15, within(1e-12));
        assertThat(ninety.followed()).isEqualTo(1);
        assertThat(ninety.events()).isEqualTo(3);
    }

    @Test
    void beforeTheFirstEventTheShareIsZeroWithTheExactBinomialUpperBound() {
        Cumulative five = LESSONS.within(5);
        assertThat(five.share()).isZero();
        assertThat(five.lower95()).isZero();
        assertThat(five.upper95()).isCloseTo(1 - Math.pow(0.025, 1 / 5.0), within(1e-12)); // 0.521824
        assertThat(five.followed()).isEqualTo(5);
    }

    @Test
    void beyondTheLongestFollowUpTheShareIsUnknownNotCarriedOn() {
        Cumulative year = LESSONS.within(365);
        assertThat(year.share()).isNull();
        assertThat(year.followed()).isZero();
        assertThat(new KaplanMeier(List.of()).within(30).share()).isNull();
    }

    @Test
    void whenEveryLessonConvertedTheShareIsOneWithTheExactLowerBound() {
        Cumulative all = new KaplanMeier(List.of(new Observation(3, true), new Observation(7, true))).within(30);
        assertThat(all.share()).isEqualTo(1.0);
        assertThat(all.upper95()).isEqualTo(1.0);
        // one at risk at the last event (day 7): 0.025^(1/1)
        assertThat(all.lower95()).isCloseTo(0.025, within(1e-12));
    }
}
