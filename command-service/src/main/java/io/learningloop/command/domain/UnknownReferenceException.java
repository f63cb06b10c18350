package io.learningloop.command.domain;

/** A step names another step that does not exist (HTTP 404). */
public class UnknownReferenceException extends RuntimeException {

    private final String field;

    public UnknownReferenceException(String field, String kind, String id) {
        super("no " + kind + " with id '" + id + "'");
        this.field = field;
    }

    public String field() {
        return field;
    }
}
