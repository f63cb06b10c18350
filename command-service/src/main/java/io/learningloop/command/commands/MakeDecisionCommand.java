package io.learningloop.command.commands;

import io.learningloop.contract.events.DecisionCategory;
import io.learningloop.contract.events.DecisionMadeEvent;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that a decision was made: the first step of a loop. */
public record MakeDecisionCommand(
        @TargetAggregateIdentifier String decisionId,
        Stamp stamp,
        Provenance provenance,
        String title,
        DecisionCategory category,
        String expectedOutcome,
        double confidence,
        LocalDate reviewBy,
        List<String> informedByLessonIds,
        List<LocalDate> checkInDates,
        List<String> leadingIndicators,
        List<String> uncertainties) {

    public MakeDecisionCommand {
        informedByLessonIds = List.copyOf(informedByLessonIds == null ? List.of() : informedByLessonIds);
        checkInDates = List.copyOf(checkInDates == null ? List.of() : checkInDates);
        leadingIndicators = List.copyOf(leadingIndicators == null ? List.of() : leadingIndicators);
        uncertainties = List.copyOf(uncertainties == null ? List.of() : uncertainties);
    }

    public DecisionMadeEvent toEvent(Stamp as) {
        return new DecisionMadeEvent(
                as.eventId(),
                decisionId,
                provenance.orgUnit(),
                provenance.occurredAt(),
                as.recordedAt(),
                provenance.sourceTool(),
                provenance.actor(),
                title,
                category,
                expectedOutcome,
                confidence,
                reviewBy,
                informedByLessonIds,
                checkInDates.stream().sorted().toList(),
                leadingIndicators,
                uncertainties);
    }
}
