package io.learningloop.command.http;

import static io.learningloop.problems.Problems.problem;

import io.learningloop.command.domain.ConflictingStepException;
import io.learningloop.command.domain.LoopRuleViolationException;
import io.learningloop.command.domain.UnknownReferenceException;
import io.learningloop.problems.ProblemHandler;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

/**
 * Every refusal as RFC 9457 problem+json. Field-level problems carry {@code errors}: a list of
 * {@code {field, message}}, so a tool can point at what to fix. Nothing is stored on any refusal.
 * What each refusal says is decided in {@link StepProblems}, which the bulk import shares; what the
 * framework refuses, and any failure nobody expected, is answered as in every service ({@link ProblemHandler}).
 */
@RestControllerAdvice
class ProblemResponses extends ProblemHandler {

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return StepProblems.unreadable(e.getCause(), StepProblems.UNREADABLE_BODY);
    }

    /** A body or path that is no valid step of its route's kind. */
    @ExceptionHandler
    ResponseEntity<Object> on(StepRefusedException e) {
        return e.problem();
    }

    @ExceptionHandler({
        LoopRuleViolationException.class,
        UnknownReferenceException.class,
        ConflictingStepException.class,
        ConcurrencyException.class,
        AggregateStreamCreationException.class,
        IncompatibleAggregateException.class
    })
    ResponseEntity<Object> onRefusedStep(RuntimeException e) {
        return StepProblems.refusal(e).orElseThrow(() -> e);
    }

    /** The event store away, wherever in the cause chain that shows: 503 with Retry-After, never a 500. */
    @Override
    protected Optional<ResponseEntity<Object>> recognised(Exception e) {
        return StoreUnavailableResponses.answer(e);
    }

    /** A bulk file over the limits is refused before any of it is stored. */
    @ExceptionHandler
    ResponseEntity<Object> on(BulkTooLargeException e) {
        return problem(
                HttpStatus.PAYLOAD_TOO_LARGE, "bulk-too-large", "Bulk file too large", e.getMessage(), List.of());
    }
}
