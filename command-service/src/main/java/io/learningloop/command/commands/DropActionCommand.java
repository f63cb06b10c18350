package io.learningloop.command.commands;

import io.learningloop.contract.events.ActionDroppedEvent;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that an assigned action was dropped on purpose, and why. The org unit is the action's. */
public record DropActionCommand(
        @TargetAggregateIdentifier String actionId, Stamp stamp, Provenance provenance, String reason) {

    /** The event, with the org unit and decisions of the action it ends (they are the action's, never posted). */
    public ActionDroppedEvent toEvent(Stamp as, String orgUnit, List<String> decisionIds) {
        return new ActionDroppedEvent(
                as.eventId(),
                actionId,
                orgUnit,
                provenance.occurredAt(),
                as.recordedAt(),
                provenance.sourceTool(),
                provenance.actor(),
                decisionIds,
                reason);
    }
}
