package io.learningloop.problems;

/** The thing asked for does not exist (yet): 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
