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
        List<String> informedByLessonIds) {

    public MakeDecisionCommand {
        informedByLessonIds = List.copyOf(informedByLessonIds == null ? List.of() : informedByLessonIds);
    }

    public DecisionMadeEvent toEvent(Stamp as) {
        return new DecisionMadeEvent(as.eventId(), decisionId, provenance.orgUnit(), provenance.occurredAt(),
                as.recordedAt(), provenance.sourceTool(), provenance.actor(), title, category, expectedOutcome,
                confidence, reviewBy, informedByLessonIds);
    }
}
