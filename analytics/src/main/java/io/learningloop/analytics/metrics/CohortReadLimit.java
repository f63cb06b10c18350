package io.learningloop.analytics.metrics;

import io.learningloop.problems.Problems;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most {@code permits} answers that read whole cohorts are worked out (and written out) at a time;
 * a request that cannot start within {@code wait} is refused with 503 and {@code Retry-After}. Why: each
 * such answer holds what grows with its cohort (the ids of the reviews and actions it has counted, the
 * reviews a lesson may recur in, a Kaplan-Meier case per lesson: tens of MB over 1,000,000 loops), and
 * a client that gives up does not stop the work it asked for, so requests repeated over a large unit
 * piled up until the 512 MiB heap ran out. With the permits, the heap needed is bounded by the permits,
 * not by the callers. The permit is held while the answer is written: the review and relearning lists
 * are read as they are written. {@code /analytics/latency} is not limited (Elasticsearch ranks its values,
 * the service holds none). Runs after authentication: an unauthenticated request takes no permit.
 */
@Component
class CohortReadLimit extends OncePerRequestFilter {

    private final Semaphore permits;
    private final Duration wait;
    private final Counter refused;

    CohortReadLimit(
            @Value("${learning-loop.analytics.concurrent-cohort-reads:2}") int permits,
            @Value("${learning-loop.analytics.cohort-read-wait:PT60S}") Duration wait,
            MeterRegistry meters) {
        if (permits < 1) {
            throw new IllegalArgumentException(
                    "learning-loop.analytics.concurrent-cohort-reads must be at least 1: " + permits);
        }
        this.permits = new Semaphore(permits, true);
        this.wait = wait;
        this.refused = Counter.builder("learning_loop.analytics.cohort_reads.refused")
                .description("requests refused because every cohort-read permit stayed taken for the wait")
                .register(meters);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean readsCohorts =
                path.startsWith("/analytics/") || path.equals("/reports") || path.startsWith("/reports/");
        return !readsCohorts || path.equals("/analytics/latency");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            refused.increment();
            busy(response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            permits.release();
        }
    }

    /** An RFC 9457 problem, as every other refusal of the service. */
    private void busy(HttpServletResponse response) throws IOException {
        long retryAfter = Math.max(1, wait.toSeconds());
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", Long.toString(retryAfter));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter()
                .write("{\"type\":\"" + Problems.TYPE_PREFIX + "unavailable\",\"title\":\"Service Unavailable\","
                        + "\"status\":503,\"detail\":\"every permit to read a cohort stayed taken for "
                        + wait.toSeconds() + " s (other large answers are being worked out); try again in "
                        + retryAfter + " s\"}");
    }
}
