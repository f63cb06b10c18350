package io.learningloop.analytics.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ProportionTest {

    /*
     * Wilson, z = 1.96 (1.959964): 8 of 10, p = 0.8, z^2 = 3.841459.
     * centre = (0.8 + 3.841459/20) / (1 + 3.841459/10) = 0.992073 / 1.384146 = 0.716740
     * half = 1.959964 / 1.384146 * sqrt(0.016 + 3.841459/400) = 1.416010 * sqrt(0.025604) = 1.416010 * 0.160012 = 0.226578
     * -> [0.490162, 0.943318]; the published value (Newcombe 1998, table I) is 0.4902 to 0.9433.
     */
    @Test
    void eightOfTenHasTheWilsonIntervalOfTheLiterature() {
        Proportion proportion = Proportion.of(8, 10);

        assertThat(proportion.rate()).isEqualTo(0.8);
        assertThat(proportion.lower95()).isCloseTo(0.4902, within(1e-4));
        assertThat(proportion.upper95()).isCloseTo(0.9433, within(1e-4));
    }

    /* 0 of 10: centre = 0.192073/1.384146 = 0.138767, half = 1.416010 * sqrt(0.009604) = 0.138767 -> [0, 0.2775]. */
    @Test
    void noneOfTenStaysInsideZeroToOne() {
        Proportion proportion = Proportion.of(0, 10);

        assertThat(proportion.lower95()).isCloseTo(0, within(1e-12));
        assertThat(proportion.upper95()).isCloseTo(0.2775, within(1e-4));
    }

    @Test
    void nothingToDivideHasNoRateAndNoInterval() {
        assertThat(Proportion.of(0, 0)).isEqualTo(new Proportion(0, 0, null, null, null));
    }

    @Test
    void aNumeratorAboveItsDenominatorIsAnError() {
        assertThatThrownBy(() -> Proportion.of(3, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
