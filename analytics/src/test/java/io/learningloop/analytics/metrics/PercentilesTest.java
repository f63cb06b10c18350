package io.learningloop.analytics.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    /** The worked example of the nearest-rank method (Wikipedia, "Percentile"): 15, 20, 35, 40, 50. */
    @Test
    void nearestRankOfTheTextbookExample() {
        Percentiles percentiles = new Percentiles(List.of(50.0, 15.0, 40.0, 20.0, 35.0));

        assertThat(percentiles.at(5)).isEqualTo(15.0);
        assertThat(percentiles.at(30)).isEqualTo(20.0);
        assertThat(percentiles.at(40)).isEqualTo(20.0);
        assertThat(percentiles.at(50)).isEqualTo(35.0);
        assertThat(percentiles.at(100)).isEqualTo(50.0);
        assertThat(percentiles.count()).isEqualTo(5);
    }

    @Test
    void percentilesOfOneToAHundredAreTheirRanks() {
        List<Double> values =
                IntStream.rangeClosed(1, 100).mapToDouble(i -> i).boxed().toList();
        Percentiles percentiles = new Percentiles(values);

        assertThat(percentiles.at(50)).isEqualTo(50.0);
        assertThat(percentiles.at(90)).isEqualTo(90.0);
        assertThat(percentiles.at(99)).isEqualTo(99.0);
    }

    @Test
    void noValuesHaveNoPercentile() {
        assertThat(new Percentiles(List.of()).at(50)).isNull();
    }

    @Test
    void percentOutsideTheRangeIsRefused() {
        assertThatThrownBy(() -> new Percentiles(List.of(1.0)).at(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Percentiles(List.of(1.0)).at(101)).isInstanceOf(IllegalArgumentException.class);
    }
}
