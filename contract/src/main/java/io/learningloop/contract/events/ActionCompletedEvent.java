package io.learningloop.contract.events;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** An assigned action was done. {@code decisionIds}: the decisions of the review that assigned it. */
@Revision("1")
public record ActionCompletedEvent(
        String eventId,
        String actionId,
        String orgUnit,
        Instant occurredAt,
        Instant recordedAt,
        String sourceTool,
        String actor,
        List<String> decisionIds,
        String note)
        implements LoopEvent {

    public ActionCompletedEvent {
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
