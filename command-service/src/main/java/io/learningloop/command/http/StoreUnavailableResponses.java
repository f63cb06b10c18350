package io.learningloop.command.http;

import static io.learningloop.problems.Problems.problem;

import jakarta.persistence.LockTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * While the event store (PostgreSQL) is away or stalled, a step is refused at once with 503 and
 * {@code Retry-After}: nothing was stored, and the same request (same id) may simply be sent again.
 * The pool's connection timeout and the statement and socket timeouts in {@code application.yml}
 * bound how long a request waits before it lands here. Spring matches these types anywhere in the
 * cause chain, so it does not matter whether Hibernate, Spring or Axon wrapped them; this advice
 * runs before {@link ProblemResponses} so that a wrapper never turns the outage into a 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class StoreUnavailableResponses {

    /** Long enough for a restarted PostgreSQL to accept connections again (about 2 s measured). */
    static final int RETRY_AFTER_SECONDS = 5;

    private static final Logger log = LoggerFactory.getLogger(StoreUnavailableResponses.class);

    @ExceptionHandler({
        CannotCreateTransactionException.class,
        DataAccessResourceFailureException.class,
        TransientDataAccessResourceException.class,
        QueryTimeoutException.class,
        CannotAcquireLockException.class,
        JDBCConnectionException.class,
        LockAcquisitionException.class,
        org.hibernate.QueryTimeoutException.class,
        jakarta.persistence.QueryTimeoutException.class,
        LockTimeoutException.class,
        SQLTransientConnectionException.class
    })
    ResponseEntity<Object> onStoreUnavailable(Exception e) {
        log.warn("step refused, event store unavailable: {}", e.toString());
        ResponseEntity<Object> answer = problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "unavailable",
                "Event store unavailable",
                "The step was not stored; send it again in a few seconds.",
                List.of());
        return ResponseEntity.status(answer.getStatusCode())
                .headers(answer.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS))
                .body(answer.getBody());
    }
}
