package io.learningloop.problems;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The base of every service's {@code @RestControllerAdvice}: what Spring MVC refuses on its own (404,
 * 405, 406, 415, a missing parameter) becomes a problem with a stable {@code type}, and an exception
 * nobody expected a 500 problem with a correlation id, logged with the exception under the same id
 * ({@code correlationId} in the MDC, so the structured log carries it as a field). A service adds its
 * own refusals in its subclass.
 */
public abstract class ProblemHandler extends ResponseEntityExceptionHandler {

    public static final String CORRELATION_ID = "correlationId";

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // Spring's own answer (with its message resolved), of which only the detail is kept.
        ResponseEntity<Object> framework = super.handleExceptionInternal(e, body, headers, status, request);
        if (framework == null) {
            return null; // the response is committed: nothing can be answered any more
        }
        String frameworkDetail = framework.getBody() instanceof ProblemDetail problem ? problem.getDetail() : null;
        List<Problems.FieldError> errors = e instanceof MissingServletRequestParameterException missing
                ? List.of(new Problems.FieldError(missing.getParameterName(), "is required"))
                : List.of();
        ResponseEntity<Object> problem = Problems.problem(
                status,
                ProblemTypes.of(status),
                ProblemTypes.title(status),
                ProblemTypes.detail(frameworkDetail, status),
                errors);
        HttpHeaders kept = new HttpHeaders();
        kept.addAll(headers);
        kept.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(problem.getBody(), kept, status);
    }

    /** A failure of the service, never of the request: the caller quotes the id, the log has the rest. */
    @ExceptionHandler
    ResponseEntity<Object> unexpected(Exception e) {
        return recognised(e).orElseGet(() -> failure(e));
    }

    /**
     * A failure that is no fault of the request and that the service can name, however it was wrapped
     * (its store is away: 503); empty, as here, for a failure nobody expected. Spring picks this class's
     * handler for any exception no other handler names, so overriding this sees every such failure.
     */
    protected Optional<ResponseEntity<Object>> recognised(Exception e) {
        return Optional.empty();
    }

    /** The answer to an exception nobody expected, and its log line with the correlation id. */
    public static ResponseEntity<Object> failure(Throwable e) {
        String correlationId = UUID.randomUUID().toString();
        MDC.put(CORRELATION_ID, correlationId);
        try {
            log.error("unexpected failure, correlation id {}", correlationId, e);
        } finally {
            MDC.remove(CORRELATION_ID);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "the service failed; nothing of this request is stored unless an answer said so. Quote the"
                        + " correlation id when you report it");
        problem.setType(URI.create(Problems.TYPE_PREFIX + "internal-error"));
        problem.setTitle("Internal error");
        problem.setProperties(Map.of(CORRELATION_ID, correlationId));
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
