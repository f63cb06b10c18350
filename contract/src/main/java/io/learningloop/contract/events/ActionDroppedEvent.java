package io.learningloop.contract.events;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** An assigned action was dropped on purpose, with the reason (not the same as letting it lapse). */
@Revision("1")
public record ActionDroppedEvent(
        String eventId,
        String actionId,
        String orgUnit,
        Instant occurredAt,
        Instant recordedAt,
        String sourceTool,
        String actor,
        List<String> decisionIds,
        String reason)
        implements LoopEvent {

    public ActionDroppedEvent {
        decisionIds = List.copyOf(decisionIds);
    }

    @Override
    public String aggregateId() {
        return actionId;
    }

    @Override
    public List<String> decisionsConcerned() {
        return decisionIds;
    }
}
