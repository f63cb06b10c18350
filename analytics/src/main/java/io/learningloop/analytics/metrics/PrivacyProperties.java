package io.learningloop.analytics.metrics;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code learning-loop.privacy.*}: what a {@code reports:read} answer may show.
 *
 * @param minGroupSize the fewest distinct people a figure shown to staff may be computed over (k); why 5:
 *     docs/privacy-min-group.md. Below 2 it would show one person's own record, so it is refused.
 */
@Validated
@ConfigurationProperties("learning-loop.privacy")
public record PrivacyProperties(@DefaultValue("5") @Min(2) int minGroupSize) {}
