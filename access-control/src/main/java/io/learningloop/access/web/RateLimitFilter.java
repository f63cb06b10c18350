package io.learningloop.access.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.learningloop.access.keys.ApiKey;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One token bucket per key (Bucket4j): a key may send its limit of requests per second, with a burst of
 * one second's worth; over it, 429 with {@code Retry-After}. A flooding tool therefore slows only itself.
 * The buckets live in this instance's memory: with several instances behind a balancer each enforces its
 * own share (docs/security.md says so). A bulk file is one request: its size is bounded elsewhere.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    private final AccessProblems problems;
    private final int defaultPerSecond;
    private final Cache<String, Bucket> buckets =
            Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10)).build();

    RateLimitFilter(AccessProblems problems, int defaultPerSecond) {
        this.problems = problems;
        this.defaultPerSecond = defaultPerSecond;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getDetails() instanceof ApiKey key) {
            ConsumptionProbe probe =
                    buckets.get(key.keyId(), keyId -> bucketOf(key)).tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                long seconds =
                        Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999));
                problems.tooManyRequests(response, seconds);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private Bucket bucketOf(ApiKey key) {
        int perSecond = key.requestsPerSecond() == null ? defaultPerSecond : key.requestsPerSecond();
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(perSecond).refillGreedy(perSecond, Duration.ofSeconds(1)))
                .build();
    }
}
