package io.learningloop.analytics.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class EstimatesTest {

    @Test
    void aMedianOfTenHasTheOrderStatisticsTwoAndNineAsItsInterval() {
        // P(Bin(10, 1/2) <= 1) = 11/1024 = 1.07 % <= 2.5 % but P(<= 2) = 56/1024 = 5.5 %: j = 2, so
        // [x(2), x(9)] with coverage 1 - 2 * 11/1024 = 97.9 %. Nearest-rank median: x(5).
        Median median = Median.of(List.of(10.0, 9.0, 8.0, 7.0, 6.0, 5.0, 4.0, 3.0, 2.0, 1.0));
        assertThat(median.median()).isEqualTo(5.0);
        assertThat(median.lower95()).isEqualTo(2.0);
        assertThat(median.upper95()).isEqualTo(9.0);
        assertThat(median.n()).isEqualTo(10);
    }

    @Test
    void belowSixValuesAMedianHasNoNinetyFivePercentInterval() {
        // Even [x(1), x(5)] covers only 1 - 2/32 = 93.75 %.
        Median median = Median.of(List.of(1.0, 2.0, 3.0, 4.0, 5.0));
        assertThat(median.median()).isEqualTo(3.0);
        assertThat(median.lower95()).isNull();
        assertThat(median.upper95()).isNull();
    }

    @Test
    void aMeanCarriesItsStudentTInterval() {
        // 1, 2, 3, 4: mean 2.5, sd sqrt(5/3) = 1.290994, t(3, 0.975) = 3.182446,
        // half width 3.182446 * 1.290994 / 2 = 2.054260.
        Mean mean = Mean.of(List.of(1.0, 2.0, 3.0, 4.0));
        assertThat(mean.mean()).isEqualTo(2.5);
        assertThat(mean.standardDeviation()).isCloseTo(1.290994, within(1e-6));
        assertThat(mean.lower95()).isCloseTo(2.5 - 2.054260, within(1e-5));
        assertThat(mean.upper95()).isCloseTo(2.5 + 2.054260, within(1e-5));
        assertThat(Mean.of(List.of(0.7)).lower95()).isNull();
        assertThat(Mean.of(List.of()).mean()).isNull();
    }
}
