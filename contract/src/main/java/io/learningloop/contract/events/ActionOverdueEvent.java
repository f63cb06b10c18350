package io.learningloop.contract.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * An action was neither completed nor dropped by the end of its due date. Nobody posts this: the
 * platform records it itself when the due date passes ({@code sourceTool} = {@code learning-loop}).
 */
@Revision("1")
public record ActionOverdueEvent(
        String eventId,
        String actionId,
        String orgUnit,
        Instant occurredAt,
        Instant recordedAt,
        String sourceTool,
        String actor,
        List<String> decisionIds,
        LocalDate dueDate)
        implements LoopEvent {

    public ActionOverdueEvent {
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
