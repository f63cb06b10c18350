package io.learningloop.command.http;

import static io.learningloop.problems.Problems.problem;

import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * While the event store (PostgreSQL) is away or stalled, a step is refused at once with 503 and
 * {@code Retry-After}: nothing was stored, and the same request (same id) may simply be sent again.
 * Which failures are such an outage is decided by {@link StoreOutage} alone, from the cause chain;
 * {@link ProblemResponses} asks here before it answers any failure as a 500, and the bulk import
 * before it answers a line as failed. The pool's connection timeout and the statement and socket
 * timeouts in {@code application.yml} bound how long a request waits before it lands here.
 */
final class StoreUnavailableResponses {

    /** Long enough for a restarted PostgreSQL to accept connections again (about 2 s measured). */
    static final int RETRY_AFTER_SECONDS = 5;

    static final String DETAIL = "The step was not stored; send it again in a few seconds.";

    private static final Logger log = LoggerFactory.getLogger(StoreUnavailableResponses.class);

    private StoreUnavailableResponses() {}

    /** The 503 problem with {@code Retry-After} when {@code failure} shows an outage of the store. */
    static Optional<ResponseEntity<Object>> answer(Throwable failure) {
        return StoreOutage.evidence(failure).map(evidence -> {
            log.warn("step refused, event store unavailable: {} (shown by: {})", failure, evidence.toString());
            ResponseEntity<Object> answer = problem(
                    HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Event store unavailable", DETAIL, List.of());
            return ResponseEntity.status(answer.getStatusCode())
                    .headers(answer.getHeaders())
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS))
                    .body(answer.getBody());
        });
    }
}
