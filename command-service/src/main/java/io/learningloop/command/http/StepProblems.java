package io.learningloop.command.http;

import static io.learningloop.problems.Problems.problem;

import com.fasterxml.jackson.databind.JsonMappingException;
import io.learningloop.command.domain.ConflictingStepException;
import io.learningloop.command.domain.LoopRuleViolationException;
import io.learningloop.command.domain.UnknownReferenceException;
import io.learningloop.problems.Problems.FieldError;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.Errors;

/**
 * Why a step is refused, as problem+json: the one mapping that the single endpoints (through
 * {@link ProblemResponses}) and the bulk import (one problem per line) share.
 */
final class StepProblems {

    static final String UNREADABLE_BODY = "the body is not a JSON object of the expected shape";

    private StepProblems() {}

    /** Bean Validation's findings as Spring reports them: one {@code {field, message}} each. */
    static List<FieldError> fieldErrors(Errors errors) {
        return errors.getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
                .toList();
    }

    /** An invalid step, its fields at fault sorted by field. */
    static ResponseEntity<Object> invalidFields(List<FieldError> errors) {
        List<FieldError> sorted =
                errors.stream().sorted(Comparator.comparing(FieldError::field)).toList();
        return problem(
                HttpStatus.BAD_REQUEST,
                "invalid-step",
                "Invalid step",
                sorted.size() + " field(s) are invalid",
                sorted);
    }

    /** An id in the path that is no id: the path parameter at fault, named as the kind's id field. */
    static ResponseEntity<Object> invalidPathParameter(List<FieldError> errors) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-step", "Invalid step", "a path parameter is invalid", errors);
    }

    /**
     * JSON that Jackson could not turn into the request: a field it can name (a date that is no date, a
     * category that does not exist) is an invalid step; anything else an unreadable body.
     */
    static ResponseEntity<Object> unreadable(Throwable jacksonFailure, String detailWhenNoField) {
        if (jacksonFailure instanceof JsonMappingException mapping
                && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(reference -> reference.getFieldName() != null
                            ? reference.getFieldName()
                            : "[" + reference.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
            String reason = mapping.getCause() != null ? mapping.getCause().getMessage() : mapping.getOriginalMessage();
            return problem(
                    HttpStatus.BAD_REQUEST,
                    "invalid-step",
                    "Invalid step",
                    "a field cannot be read",
                    List.of(new FieldError(field, reason)));
        }
        return problem(HttpStatus.BAD_REQUEST, "unreadable-body", "Unreadable body", detailWhenNoField, List.of());
    }

    /** A command the domain refused; empty for an exception that is no refusal (a failure of the service). */
    static Optional<ResponseEntity<Object>> refusal(Throwable e) {
        if (e instanceof LoopRuleViolationException violation) {
            return Optional.of(problem(
                    HttpStatus.BAD_REQUEST,
                    "loop-rule-violated",
                    "Step breaks a rule of the loop",
                    violation.getMessage(),
                    List.of(new FieldError(violation.field(), violation.getMessage()))));
        }
        if (e instanceof UnknownReferenceException unknown) {
            return Optional.of(problem(
                    HttpStatus.NOT_FOUND,
                    "unknown-reference",
                    "Unknown reference",
                    unknown.getMessage(),
                    List.of(new FieldError(unknown.field(), unknown.getMessage()))));
        }
        if (e instanceof ConflictingStepException) {
            return Optional.of(
                    problem(HttpStatus.CONFLICT, "conflicting-step", "Conflicting step", e.getMessage(), List.of()));
        }
        // The id's event stream belongs to another kind of aggregate: ids are unique across kinds of step.
        if (e instanceof IncompatibleAggregateException) {
            return Optional.of(problem(
                    HttpStatus.CONFLICT,
                    "conflicting-step",
                    "Conflicting step",
                    "the id is already used by another kind of step",
                    List.of()));
        }
        // Two tools created the same new id at the same moment.
        if (e instanceof AggregateStreamCreationException) {
            return Optional.of(problem(
                    HttpStatus.CONFLICT,
                    "concurrent-step",
                    "Concurrent step",
                    "another request created a step with the same id at the same time; retry",
                    List.of()));
        }
        // Two requests changed the same step at the same moment; the loser may retry.
        if (e instanceof ConcurrencyException) {
            return Optional.of(problem(
                    HttpStatus.CONFLICT,
                    "concurrent-step",
                    "Concurrent step",
                    "another request changed the same step at the same time; retry",
                    List.of()));
        }
        return Optional.empty();
    }
}
