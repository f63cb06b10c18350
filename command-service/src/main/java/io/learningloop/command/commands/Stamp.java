package io.learningloop.command.commands;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** What the server adds to a step when it accepts it: the event id and its own clock's time. */
public record Stamp(String eventId, Instant recordedAt) {

    /** Millisecond precision: what JSON, PostgreSQL and Elasticsearch all keep exactly. */
    public static Stamp fresh(Clock clock) {
        return new Stamp(UUID.randomUUID().toString(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }
}
