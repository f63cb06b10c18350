package io.learningloop.projection.rebuild;

import io.learningloop.health.Degraded;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * {@code rebuild} in {@code /actuator/health}: DEGRADED (answered 200: the live index still serves,
 * the alias never moved) while the latest rebuild of a projection failed, with its error, until a
 * rebuild of it succeeds; UP otherwise, with the phase of each rebuild since the start.
 */
public class RebuildHealthIndicator extends AbstractHealthIndicator {

    private final Rebuilds rebuilds;

    public RebuildHealthIndicator(Rebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up();
        for (RebuildProgress progress : rebuilds.all()) {
            builder.withDetail(progress.projection(), progress.phase());
            if (progress.phase() == RebuildPhase.FAILED) {
                builder.status(Degraded.STATUS).withDetail(progress.projection() + "Error", progress.error());
            }
        }
    }
}
