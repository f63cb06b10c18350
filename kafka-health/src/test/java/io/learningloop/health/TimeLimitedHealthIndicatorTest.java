package io.learningloop.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

class TimeLimitedHealthIndicatorTest {

    @Test
    void passesOnWhatTheCheckSaysWhenItAnswersInTime() throws Exception {
        try (var bounded = new TimeLimitedHealthIndicator(
                "db", () -> Health.up().withDetail("nodes", 1).build(), Duration.ofMillis(500))) {
            Health health = bounded.health();

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("nodes", 1);
        }
    }

    @Test
    void saysDownWithinTheLimitWhenTheCheckHangsAndDoesNotStartASecondOne() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        try (var bounded = new TimeLimitedHealthIndicator(
                "db",
                () -> {
                    started.incrementAndGet();
                    try {
                        never.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return Health.up().build();
                },
                Duration.ofMillis(200))) {
            long begin = System.nanoTime();
            Health first = bounded.health();
            Health second = bounded.health();
            long tookMillis = (System.nanoTime() - begin) / 1_000_000;

            assertThat(first.getStatus()).isEqualTo(Status.DOWN);
            assertThat(first.getDetails()).containsEntry("error", "no answer within 200 ms");
            assertThat(second.getStatus()).isEqualTo(Status.DOWN);
            assertThat(tookMillis).isBetween(400L, 1_500L);
            assertThat(started).hasValue(1);
        }
    }

    @Test
    void aCheckThatThrowsIsDownWithItsError() throws Exception {
        try (var bounded = new TimeLimitedHealthIndicator(
                "kafka",
                () -> {
                    throw new IllegalStateException("broker gone");
                },
                Duration.ofMillis(500))) {
            Health health = bounded.health();

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("error", "java.lang.IllegalStateException: broker gone");
        }
    }

    @Test
    void theBeanPostProcessorWrapsEveryIndicatorOnce() {
        var processor = new BoundedHealthIndicators();
        Object wrapped = processor.postProcessAfterInitialization(
                (org.springframework.boot.actuate.health.HealthIndicator)
                        () -> Health.up().build(),
                "db");

        assertThat(wrapped).isInstanceOf(TimeLimitedHealthIndicator.class);
        assertThat(processor.postProcessAfterInitialization(wrapped, "db")).isSameAs(wrapped);
        assertThat(processor.postProcessAfterInitialization("not an indicator", "x"))
                .isEqualTo("not an indicator");
    }
}
