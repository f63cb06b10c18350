package io.learningloop.projection;

import io.learningloop.readmodel.ParkReason;

/**
 * A record one projection could not write, with why; the runner parks it in the dead-letters index.
 * {@code reason} is stored and shown (words, see {@link ParkReasons}); {@code detail} is only logged.
 */
public record Parked(
        String projection, String topic, int partition, long offset, ParkReason kind, String reason, String detail) {

    /** What {@link ParkReasons} says: words to show, and the whole account for the log. */
    record Reason(String shown, String detail) {}

    Parked(String projection, String topic, int partition, long offset, ParkReason kind, Reason reason) {
        this(projection, topic, partition, offset, kind, reason.shown(), reason.detail());
    }
}
