package io.learningloop.analytics.verdicts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often the verdict indices are recomputed ({@code LL_VERDICTS_REFRESH}): they lag the API by at
 * most this. Zero disables the schedule (the indices then keep what the last run wrote).
 */
@ConfigurationProperties("learning-loop.verdicts")
record VerdictsProperties(@DefaultValue("PT1M") Duration refresh) {

    VerdictsProperties {
        if (refresh.isNegative()) {
            throw new IllegalArgumentException("learning-loop.verdicts.refresh must not be negative: " + refresh);
        }
    }

    boolean enabled() {
        return !refresh.isZero();
    }
}
