package io.learningloop.contract.events;

import java.time.Instant;
import java.util.List;

/**
 * What every step of a learning loop carries, whatever the step. Business time ({@code occurredAt})
 * comes from the posting tool and may lie years back (history gets backfilled); {@code recordedAt} is
 * the server's clock when the step was accepted.
 */
public interface LoopEvent {

    /**
     * The {@code sourceTool} and {@code actor} of the events the platform records by itself, when a date
     * passed ({@code CheckInMissed}, {@code ActionOverdue}): no tool posted them and no person.
     */
    String PLATFORM = "learning-loop";

    /** Assigned by the server once; the idempotency key of every projection. */
    String eventId();

    /** The id of the aggregate the event belongs to: the Kafka record key, so order per key holds. */
    String aggregateId();

    /** Slash-separated path such as {@code acme/eng/platform}. */
    String orgUnit();

    Instant occurredAt();

    Instant recordedAt();

    /** The internal tool that posted the step. */
    String sourceTool();

    /** A pseudonymous id of who posted it: never a name or an e-mail address, the log cannot forget. */
    String actor();

    /** The decisions whose loops this event is a step of: the loops a timeline shows it in. */
    List<String> decisionsConcerned();

    /** The lessons this event records, applies or cites; most steps concern none. */
    default List<String> lessonsConcerned() {
        return List.of();
    }
}
