package io.learningloop.health;

import java.time.Duration;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Puts every health indicator of a service behind a {@link TimeLimitedHealthIndicator}: Boot's own
 * (database, Elasticsearch) and ours (Kafka, projection) alike, so that health tells the truth
 * within a second whatever hangs. Boot calls the indicators one after the other; with the limit at
 * a third of a second, even two hanging dependencies leave the endpoint answering in under one.
 * Registered as a {@code static} bean by each service's configuration.
 */
public final class BoundedHealthIndicators implements BeanPostProcessor {

    /** Far above what a healthy check takes on a loaded machine (a few milliseconds), far below a client's patience. */
    public static final Duration LIMIT = Duration.ofMillis(350);

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HealthIndicator indicator && !(bean instanceof TimeLimitedHealthIndicator)) {
            return new TimeLimitedHealthIndicator(beanName, indicator, LIMIT);
        }
        return bean;
    }
}
