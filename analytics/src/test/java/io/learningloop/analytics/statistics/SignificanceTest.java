package io.learningloop.analytics.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.learningloop.analytics.statistics.Significance.Comparison;
import org.junit.jupiter.api.Test;

class SignificanceTest {

    @Test
    void smallCountsAreComparedByFishersExactTest() {
        // 1/10 then 7/10: 8 successes of 20, so each year expects 4 (< 5): Fisher. P(k) = C(10,k) C(10,8-k)
        // over C(20,8) = 125970, for k = 0..8: 45, 1200, 9450, 30240, 44100, 30240, 9450, 1200, 45. Seen:
        // k = 1 (1200); no more likely: k = 0, 1, 7, 8, so p = 2490 / 125970 = 0.019767.
        Comparison comparison = Significance.compare(Proportion.of(1, 10), Proportion.of(7, 10));
        assertThat(comparison.test()).isEqualTo(Significance.FISHER);
        assertThat(comparison.pValue()).isCloseTo(2490.0 / 125970, within(1e-9));
        assertThat(comparison.significant()).isTrue();
        assertThat(comparison.difference()).isCloseTo(0.6, within(1e-12));
    }

    @Test
    void kindsThatDifferOrAnEmptySideAreNotCompared() {
        assertThat(Significance.compare(Proportion.of(1, 2), Mean.of(java.util.List.of(1.0, 2.0))))
                .isNull();
        assertThat(Significance.compare(Proportion.of(0, 0), Proportion.of(1, 2)))
                .isNull();
        assertThat(Significance.compare(null, Proportion.of(1, 2))).isNull();
    }

    @Test
    void oneOutcomeOnlyHasNothingToTell() {
        assertThat(Significance.compare(Proportion.of(0, 3), Proportion.of(0, 4))
                        .pValue())
                .isEqualTo(1.0);
    }
}
