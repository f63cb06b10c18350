package io.learningloop.command.commands;

import io.learningloop.contract.events.CheckInHeldEvent;
import io.learningloop.contract.events.IndicatorReading;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that a planned check-in of a decision was held. The org unit defaults to the decision's. */
public record HoldCheckInCommand(
        @TargetAggregateIdentifier String decisionId,
        Stamp stamp,
        Provenance provenance,
        LocalDate scheduledFor,
        List<IndicatorReading> readings,
        boolean onTrack) {

    public HoldCheckInCommand {
        readings = List.copyOf(readings);
    }

    public CheckInHeldEvent toEvent(Stamp as, String defaultOrgUnit) {
        String orgUnit = provenance.orgUnit() != null ? provenance.orgUnit() : defaultOrgUnit;
        return new CheckInHeldEvent(
                as.eventId(),
                decisionId,
                orgUnit,
                provenance.occurredAt(),
                as.recordedAt(),
                provenance.sourceTool(),
                provenance.actor(),
                scheduledFor,
                readings,
                onTrack);
    }
}
