package io.learningloop.contract.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A planned check-in was not held in time. Nobody posts this: the platform records it when the date
 * (plus the tolerance) passed, with {@code sourceTool} and {@code actor} = {@code learning-loop} and the
 * event id {@code <decisionId>:check-in:<date>}. A check-in held later is still recorded, as late.
 */
@Revision("1")
public record CheckInMissedEvent(
        String eventId,
        String decisionId,
        String orgUnit,
        Instant occurredAt,
        Instant recordedAt,
        String sourceTool,
        String actor,
        LocalDate scheduledFor)
        implements LoopEvent {

    @Override
    public String aggregateId() {
        return decisionId;
    }

    @Override
    public List<String> decisionsConcerned() {
        return List.of(decisionId);
    }
}
