package io.learningloop.contract.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A review assigned an action to an owner (a pseudonymous id) with a due date. {@code decisionIds} are
 * the reviewed decisions, resolved by the command side, so the action shows in their loops.
 */
@Revision("1")
public record ActionAssignedEvent(
        String eventId,
        String actionId,
        String orgUnit,
        Instant occurredAt,
        Instant recordedAt,
        String sourceTool,
        String actor,
        String reviewId,
        List<String> decisionIds,
        String owner,
        LocalDate dueDate,
        String what)
        implements LoopEvent {

    public ActionAssignedEvent {
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
