package io.learningloop.health;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Answers for another indicator within a time limit: DOWN with "no answer within …" when the
 * check hangs (a stalled database, a broker that accepts connections but never answers), so
 * {@code /actuator/health} and the readiness probe always answer. A hanging check is not started
 * again while it still runs: later calls wait on the same attempt, so a frozen dependency costs
 * one blocked thread, not one per probe.
 */
public final class TimeLimitedHealthIndicator implements HealthIndicator, AutoCloseable {

    private final HealthIndicator delegate;
    private final Duration limit;
    private final ExecutorService checks;
    private CompletableFuture<Health> running;

    public TimeLimitedHealthIndicator(String name, HealthIndicator delegate, Duration limit) {
        this.delegate = delegate;
        this.limit = limit;
        this.checks = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "health-" + name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The wrapped indicator, for code that needs what it is rather than what it says. */
    public HealthIndicator delegate() {
        return delegate;
    }

    @Override
    public Health health() {
        CompletableFuture<Health> attempt = currentAttempt();
        try {
            return attempt.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Health.down()
                    .withDetail("error", "no answer within " + limit.toMillis() + " ms")
                    .build();
        } catch (ExecutionException e) {
            return Health.down(e.getCause() instanceof Exception cause ? cause : e)
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().build();
        }
    }

    private synchronized CompletableFuture<Health> currentAttempt() {
        if (running == null || running.isDone()) {
            running = CompletableFuture.supplyAsync(delegate::health, checks);
        }
        return running;
    }

    @Override
    public void close() throws Exception {
        checks.shutdownNow();
        if (delegate instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
