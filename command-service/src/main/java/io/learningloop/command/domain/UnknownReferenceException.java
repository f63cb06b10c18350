package io.learningloop.command.domain;

import io.learningloop.contract.LoopStep;

/** A step names another step that does not exist (HTTP 404). */
public class UnknownReferenceException extends RuntimeException {

    private final String field;

    public UnknownReferenceException(String field, LoopStep kind, String id) {
        this(field, kind.label(), id);
    }

    /** @param kind how a sentence names what is missing: a step's label, or a part of one */
    public UnknownReferenceException(String field, String kind, String id) {
        super("no " + kind + " with id '" + id + "'");
        this.field = field;
    }

    public String field() {
        return field;
    }
}
