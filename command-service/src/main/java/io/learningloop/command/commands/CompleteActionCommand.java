package io.learningloop.command.commands;

import io.learningloop.contract.events.ActionCompletedEvent;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that an assigned action was done. The org unit is the action's. */
public record CompleteActionCommand(
        @TargetAggregateIdentifier String actionId, Stamp stamp, Provenance provenance, String note) {

    /** The event, with the org unit and decisions of the action it ends (they are the action's, never posted). */
    public ActionCompletedEvent toEvent(Stamp as, String orgUnit, List<String> decisionIds) {
        return new ActionCompletedEvent(
                as.eventId(),
                actionId,
                orgUnit,
                provenance.occurredAt(),
                as.recordedAt(),
                provenance.sourceTool(),
                provenance.actor(),
                decisionIds,
                note);
    }
}
