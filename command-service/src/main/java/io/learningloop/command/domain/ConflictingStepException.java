package io.learningloop.command.domain;

/** A step contradicts one already recorded: an id reused for other content (HTTP 409). */
public class ConflictingStepException extends RuntimeException {

    public ConflictingStepException(String message) {
        super(message);
    }
}
