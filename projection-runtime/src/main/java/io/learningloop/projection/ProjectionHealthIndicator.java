package io.learningloop.projection;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * DOWN while batches keep failing, with the last error, so an operator sees why nothing moves;
 * DEGRADED (answered with 200: the service still projects everything else) while records are parked,
 * with their count and the latest reason. Answers from what the runner knows, without a call to
 * Elasticsearch (Boot's own indicator asks it).
 */
public class ProjectionHealthIndicator extends AbstractHealthIndicator {

    /** Projecting, but some records are parked: see {@code /actuator/deadletters}. */
    public static final Status DEGRADED = new Status("DEGRADED", "records are parked, see /actuator/deadletters");

    private final ProjectionRunner runner;
    private final DeadLetters deadLetters;

    public ProjectionHealthIndicator(ProjectionRunner runner, DeadLetters deadLetters) {
        this.runner = runner;
        this.deadLetters = deadLetters;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        ProjectionStatus status = runner.status();
        DeadLetters.Summary parked = deadLetters.knownSummary();
        builder.status(status.failing() ? Status.DOWN : parked.count() > 0 ? DEGRADED : Status.UP)
                .withDetail("recordsCommitted", status.recordsCommitted())
                .withDetail("parkedRecords", parked.count());
        if (status.lastCommitAt() != null) {
            builder.withDetail("lastCommitAt", status.lastCommitAt().toString());
        }
        if (status.failing()) {
            builder.withDetail("failingSince", status.failingSince().toString())
                    .withDetail("lastError", status.lastError());
        }
        parked.latest()
                .ifPresent(latest -> builder.withDetail(
                                "lastParkedAt", latest.parkedAt().toString())
                        .withDetail("lastParkedReason", latest.projection() + ": " + latest.reason()));
    }
}
