package io.learningloop.projection;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/** DOWN while batches keep failing, with the last error, so an operator sees why nothing moves. */
public class ProjectionHealthIndicator extends AbstractHealthIndicator {

    private final ProjectionRunner runner;

    public ProjectionHealthIndicator(ProjectionRunner runner) {
        this.runner = runner;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        ProjectionStatus status = runner.status();
        (status.failing() ? builder.down() : builder.up()).withDetail("recordsCommitted", status.recordsCommitted());
        if (status.lastCommitAt() != null) {
            builder.withDetail("lastCommitAt", status.lastCommitAt().toString());
        }
        if (status.failing()) {
            builder.withDetail("failingSince", status.failingSince().toString())
                    .withDetail("lastError", status.lastError());
        }
    }
}
