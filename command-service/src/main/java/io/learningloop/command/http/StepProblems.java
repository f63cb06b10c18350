package io.learningloop.command.http;

import static io.learningloop.problems.Problems.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.learningloop.access.OutsideUnitsException;
import io.learningloop.access.web.OutsideUnitsAdvice;
import io.learningloop.command.domain.ConflictingStepException;
import io.learningloop.command.domain.LoopRuleViolationException;
import io.learningloop.command.domain.UnknownReferenceException;
import io.learningloop.problems.Problems;
import io.learningloop.problems.Problems.FieldError;
import java.util.ArrayList;
import java.util.Collection;
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
     * category that does not exist, a field the step does not have, a key given twice) is an invalid
     * step; anything else an unreadable body. The reasons are in words, never a Java type.
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
            return cannotBeRead(field, reason(mapping));
        }
        if (jacksonFailure instanceof JsonParseException parse
                && parse.getOriginalMessage().startsWith("Duplicate field")
                && parse.getProcessor() != null) {
            return cannotBeRead(path(parse.getProcessor().getParsingContext()), "is given twice");
        }
        return problem(HttpStatus.BAD_REQUEST, "unreadable-body", "Unreadable body", detailWhenNoField, List.of());
    }

    private static ResponseEntity<Object> cannotBeRead(String field, String reason) {
        return problem(
                HttpStatus.BAD_REQUEST,
                "invalid-step",
                "Invalid step",
                "a field cannot be read",
                List.of(new FieldError(field, reason)));
    }

    private static String reason(JsonMappingException mapping) {
        if (mapping instanceof UnrecognizedPropertyException unknown) {
            return "is not a field of this step; its fields are "
                    + unknown.getKnownPropertyIds().stream()
                            .map(String::valueOf)
                            .sorted()
                            .toList();
        }
        if (mapping instanceof StepBinder.RefusedValue) {
            return mapping.getOriginalMessage();
        }
        if (mapping instanceof InvalidNullException) {
            return "must not be null";
        }
        Throwable cause = mapping.getCause();
        if (cause != null && cause.getMessage() != null && !Problems.namesAClass(cause.getMessage())) {
            return cause.getMessage();
        }
        if (mapping instanceof MismatchedInputException mismatch) {
            return "must be " + expected(mismatch.getTargetType());
        }
        return "cannot be read";
    }

    /** What a field must be, in the words of the API rather than of Java. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "of the documented shape";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == int.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type.isEnum()) {
            return "one of the documented names";
        }
        return "an object of the documented shape";
    }

    /** {@code correction.decisionId}, {@code readings[1].value}: where the parser stood. */
    private static String path(JsonStreamContext context) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inObject() && at.getCurrentName() != null) {
                parts.add(0, at.getCurrentName());
            } else if (at.inArray()) {
                parts.add(0, "[" + at.getCurrentIndex() + "]");
            }
        }
        return String.join(".", parts).replace(".[", "[");
    }

    /** A command the domain refused; empty for an exception that is no refusal (a failure of the service). */
    static Optional<ResponseEntity<Object>> refusal(Throwable e) {
        if (e instanceof OutsideUnitsException outside) {
            return Optional.of(OutsideUnitsAdvice.outsideUnits(outside));
        }
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
