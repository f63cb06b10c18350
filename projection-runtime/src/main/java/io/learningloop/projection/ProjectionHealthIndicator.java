package io.learningloop.projection;

import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * DOWN while batches keep failing, with the last error, so an operator sees why nothing moves;
 * OUT_OF_SERVICE when the consumer has not reached Kafka for longer than {@link #KAFKA_SILENCE}
 * (a poll without a broker returns nothing and no error, so the runner alone would stay UP for
 * ever); DEGRADED (answered with 200: the service still projects everything else) while records are
 * parked, with their count and the latest reason. Always shows the consumer's lag and partitions, so a
 * projection that falls behind says so. Answers from what the runner knows, without a call to
 * Elasticsearch (Boot's own indicator asks it).
 */
public class ProjectionHealthIndicator extends AbstractHealthIndicator {

    /** Projecting, but some records are parked: see {@code /actuator/deadletters}. */
    public static final Status DEGRADED = new Status("DEGRADED", "records are parked, see /actuator/deadletters");

    /** Three session timeouts: longer than any rebalance, short against an outage. */
    static final Duration KAFKA_SILENCE = Duration.ofSeconds(30);

    private final ProjectionRunner runner;
    private final DeadLetters deadLetters;
    private final Instant createdAt = Instant.now();

    public ProjectionHealthIndicator(ProjectionRunner runner, DeadLetters deadLetters) {
        this.runner = runner;
        this.deadLetters = deadLetters;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        ProjectionStatus status = runner.status();
        DeadLetters.Summary parked = deadLetters.knownSummary();
        builder.status(parked.count() > 0 ? DEGRADED : Status.UP)
                .withDetail("recordsCommitted", status.recordsCommitted())
                .withDetail("parkedRecords", parked.count());
        if (status.lastCommitAt() != null) {
            builder.withDetail("lastCommitAt", status.lastCommitAt().toString());
        }
        runner.consumerState().ifPresent(consumer -> {
            builder.withDetail("recordsLagMax", consumer.recordsLagMax())
                    .withDetail("assignedPartitions", consumer.assignedPartitions());
            double silentSeconds = consumer.secondsSinceHeartbeat();
            boolean startedLongAgo = Duration.between(createdAt, Instant.now()).compareTo(KAFKA_SILENCE) > 0;
            if (startedLongAgo && silentSeconds > KAFKA_SILENCE.toSeconds()) {
                builder.outOfService().withDetail("kafkaSilentForSeconds", Math.round(silentSeconds));
            }
        });
        if (status.failing()) {
            builder.down()
                    .withDetail("failingSince", status.failingSince().toString())
                    .withDetail("lastError", status.lastError());
        }
        parked.latest()
                .ifPresent(latest -> builder.withDetail(
                                "lastParkedAt", latest.parkedAt().toString())
                        .withDetail("lastParkedReason", latest.projection() + ": " + latest.reason()));
    }
}
