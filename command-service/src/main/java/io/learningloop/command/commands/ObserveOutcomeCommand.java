package io.learningloop.command.commands;

import io.learningloop.contract.events.Assessment;
import io.learningloop.contract.events.OutcomeObservedEvent;
import io.learningloop.contract.events.ReportedBy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record the observed outcome of a decision. The org unit may be left out: the decision's is used. */
public record ObserveOutcomeCommand(
        @TargetAggregateIdentifier String decisionId,
        Stamp stamp,
        Provenance provenance,
        Assessment assessment,
        String summary,
        ReportedBy reportedBy) {

    public OutcomeObservedEvent toEvent(Stamp as, String defaultOrgUnit) {
        String orgUnit = provenance.orgUnit() != null ? provenance.orgUnit() : defaultOrgUnit;
        return new OutcomeObservedEvent(
                as.eventId(),
                decisionId,
                orgUnit,
                provenance.occurredAt(),
                as.recordedAt(),
                provenance.sourceTool(),
                provenance.actor(),
                assessment,
                summary,
                reportedBy);
    }
}
