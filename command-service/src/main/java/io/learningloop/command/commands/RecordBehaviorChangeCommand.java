package io.learningloop.command.commands;

import io.learningloop.contract.events.BehaviorChangedEvent;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that a later decision was made differently because of earlier lessons. */
public record RecordBehaviorChangeCommand(
        @TargetAggregateIdentifier String behaviorChangeId,
        Stamp stamp,
        Provenance provenance,
        List<String> lessonIds,
        String decisionId,
        String description) {

    public RecordBehaviorChangeCommand {
        lessonIds = List.copyOf(lessonIds);
    }

    public BehaviorChangedEvent toEvent(Stamp as, List<String> lessonDecisionIds) {
        return new BehaviorChangedEvent(
                as.eventId(),
                behaviorChangeId,
                provenance.orgUnit(),
                provenance.occurredAt(),
                as.recordedAt(),
                provenance.sourceTool(),
                provenance.actor(),
                lessonIds,
                decisionId,
                lessonDecisionIds,
                description);
    }
}
