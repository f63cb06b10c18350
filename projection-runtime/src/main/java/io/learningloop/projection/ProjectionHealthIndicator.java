package io.learningloop.projection;

import io.learningloop.health.Degraded;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
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

    /** Three session timeouts: longer than any rebalance, short against an outage. */
    static final Duration KAFKA_SILENCE = Duration.ofSeconds(30);

    private final Supplier<ProjectionStatus> runnerStatus;
    private final Supplier<Optional<ConsumerState>> consumerState;
    private final Supplier<DeadLetters.Summary> parkedSummary;
    private final Clock clock;
    private final Instant createdAt;

    public ProjectionHealthIndicator(ProjectionRunner runner, DeadLetters deadLetters) {
        this(runner::status, runner::consumerState, deadLetters::knownSummary, Clock.systemUTC());
    }

    /** What the runner and the dead letters know, read anew on every check; the clock times the silence. */
    ProjectionHealthIndicator(
            Supplier<ProjectionStatus> runnerStatus,
            Supplier<Optional<ConsumerState>> consumerState,
            Supplier<DeadLetters.Summary> parkedSummary,
            Clock clock) {
        this.runnerStatus = runnerStatus;
        this.consumerState = consumerState;
        this.parkedSummary = parkedSummary;
        this.clock = clock;
        this.createdAt = clock.instant();
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        ProjectionStatus status = runnerStatus.get();
        DeadLetters.Summary parked = parkedSummary.get();
        builder.status(parked.count() > 0 ? Degraded.STATUS : Status.UP)
                .withDetail("recordsCommitted", status.recordsCommitted())
                .withDetail("parkedRecords", parked.count());
        if (status.lastCommitAt() != null) {
            builder.withDetail("lastCommitAt", status.lastCommitAt().toString());
        }
        consumerState.get().ifPresent(consumer -> {
            builder.withDetail("recordsLagMax", consumer.recordsLagMax())
                    .withDetail("assignedPartitions", consumer.assignedPartitions());
            double silentSeconds = consumer.secondsSinceHeartbeat();
            // Right after a start the consumer has not met the coordinator yet: that is no silence.
            boolean startedLongAgo =
                    Duration.between(createdAt, clock.instant()).compareTo(KAFKA_SILENCE) > 0;
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
