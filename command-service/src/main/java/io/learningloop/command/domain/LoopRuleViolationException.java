package io.learningloop.command.domain;

/** A step breaks a rule of the loop, such as an outcome dated before its decision (HTTP 400). */
public class LoopRuleViolationException extends RuntimeException {

    private final String field;

    public LoopRuleViolationException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
