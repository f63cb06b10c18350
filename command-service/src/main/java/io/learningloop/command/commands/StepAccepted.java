package io.learningloop.command.commands;

/**
 * The answer to every step command. {@code alreadyRecorded} is true when the very same step had been
 * accepted before (a tool's retry): its original event id comes back and nothing new is stored.
 */
public record StepAccepted(String id, String eventId, boolean alreadyRecorded) {

    public static StepAccepted recorded(String id, String eventId) {
        return new StepAccepted(id, eventId, false);
    }

    public static StepAccepted repeated(String id, String eventId) {
        return new StepAccepted(id, eventId, true);
    }
}
