package io.learningloop.access.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param defaultRequestsPerSecond the rate of a key created without its own limit
 */
@ConfigurationProperties("learning-loop.access")
public record AccessProperties(Integer defaultRequestsPerSecond) {

    public AccessProperties {
        if (defaultRequestsPerSecond == null) {
            defaultRequestsPerSecond = 200;
        }
        if (defaultRequestsPerSecond < 1) {
            throw new IllegalArgumentException("learning-loop.access.default-requests-per-second must be at least 1");
        }
    }
}
