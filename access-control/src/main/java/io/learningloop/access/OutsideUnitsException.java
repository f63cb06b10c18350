package io.learningloop.access;

/**
 * A request names, or would change, an org unit its key does not cover: 403. The message names the unit
 * (the caller sent it or holds the step) but never whose units the key does cover.
 */
public class OutsideUnitsException extends RuntimeException {

    private final String field;

    public OutsideUnitsException(String field, String orgUnit) {
        super("org unit '" + orgUnit + "' lies outside the org units of this key");
        this.field = field;
    }

    /** The request field that named the unit, or null when it is the unit of a step already recorded. */
    public String field() {
        return field;
    }
}
