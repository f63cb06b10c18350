package io.learningloop.command.commands;

import io.learningloop.contract.events.LessonRecordedEvent;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record a lesson drawn from one or more decisions. */
public record RecordLessonCommand(
        @TargetAggregateIdentifier String lessonId,
        Stamp stamp,
        Provenance provenance,
        List<String> decisionIds,
        String lesson,
        String thinkingChange) {

    public RecordLessonCommand {
        decisionIds = List.copyOf(decisionIds);
    }

    public LessonRecordedEvent toEvent(Stamp as) {
        return new LessonRecordedEvent(as.eventId(), lessonId, provenance.orgUnit(), provenance.occurredAt(),
                as.recordedAt(), provenance.sourceTool(), provenance.actor(), decisionIds, lesson, thinkingChange);
    }
}
