package io.learningloop.analytics.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The permits, with one permit and no wait: a second cohort read while one is under way is refused. */
class CohortReadLimitTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CohortReadLimit limit = new CohortReadLimit(1, Duration.ZERO, meters);

    @Test
    void aSecondCohortReadWhileOneIsUnderWayIsRefusedWithRetryAfterAndTheNextOneAfterItRuns() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<MockHttpServletResponse> first = CompletableFuture.supplyAsync(() -> {
            MockHttpServletResponse response = new MockHttpServletResponse();
            try {
                limit.doFilter(get("/analytics/practices"), response, (request, answer) -> {
                    inside.countDown();
                    await(release);
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return response;
        });
        assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();

        MockHttpServletResponse second = new MockHttpServletResponse();
        MockFilterChain notReached = new MockFilterChain();
        limit.doFilter(get("/analytics/reviews"), second, notReached);

        assertThat(second.getStatus()).isEqualTo(503);
        assertThat(second.getHeader("Retry-After")).isEqualTo("1");
        assertThat(second.getContentType()).isEqualTo("application/problem+json");
        assertThat(new ObjectMapper()
                        .readTree(second.getContentAsString())
                        .get("type")
                        .asText())
                .isEqualTo("urn:learning-loop:problem:unavailable");
        assertThat(notReached.getRequest()).isNull();
        assertThat(meters.counter("learning_loop.analytics.cohort_reads.refused")
                        .count())
                .isEqualTo(1.0);

        // latency holds no cohort: never limited
        MockFilterChain latency = new MockFilterChain();
        limit.doFilter(get("/analytics/latency"), new MockHttpServletResponse(), latency);
        assertThat(latency.getRequest()).isNotNull();

        release.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        MockFilterChain third = new MockFilterChain();
        limit.doFilter(get("/analytics/reviews"), new MockHttpServletResponse(), third);
        assertThat(third.getRequest()).isNotNull();
    }

    private static MockHttpServletRequest get(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setRequestURI(path);
        return request;
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
