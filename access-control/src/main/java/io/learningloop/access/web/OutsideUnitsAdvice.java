package io.learningloop.access.web;

import io.learningloop.access.OutsideUnitsException;
import io.learningloop.problems.Problems;
import io.learningloop.problems.Problems.FieldError;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A step or a query about an org unit the key does not cover: 403, naming the field when the request named the unit. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class OutsideUnitsAdvice {

    /** The answer, also for a bulk line refused so. */
    @ExceptionHandler(OutsideUnitsException.class)
    public static ResponseEntity<Object> outsideUnits(OutsideUnitsException refusal) {
        return Problems.problem(
                HttpStatus.FORBIDDEN,
                "outside-units",
                "Outside the key's org units",
                refusal.getMessage(),
                refusal.field() == null ? List.of() : List.of(new FieldError(refusal.field(), refusal.getMessage())));
    }
}
