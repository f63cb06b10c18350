package io.learningloop.command.commands;

import io.learningloop.contract.events.ActionAssignedEvent;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record an action a review assigned to an owner, due by a date. */
public record AssignActionCommand(
        @TargetAggregateIdentifier String actionId,
        Stamp stamp,
        Provenance provenance,
        String reviewId,
        String owner,
        LocalDate dueDate,
        String what) {

    public ActionAssignedEvent toEvent(Stamp as, List<String> decisionIds) {
        return new ActionAssignedEvent(
                as.eventId(),
                actionId,
                provenance.orgUnit(),
                provenance.occurredAt(),
                as.recordedAt(),
                provenance.sourceTool(),
                provenance.actor(),
                reviewId,
                decisionIds,
                owner,
                dueDate,
                what);
    }
}
