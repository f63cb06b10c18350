package io.learningloop.contract.events;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A lesson was drawn from one or more decisions, and it says how the team's thinking changed. */
@Revision("1")
public record LessonRecordedEvent(
        String eventId,
        String lessonId,
        String orgUnit,
        Instant occurredAt,
        Instant recordedAt,
        String sourceTool,
        String actor,
        List<String> decisionIds,
        String lesson,
        String thinkingChange) implements LoopEvent {

    public LessonRecordedEvent {
        decisionIds = List.copyOf(decisionIds);
    }

    @Override
    public String aggregateId() {
        return lessonId;
    }

    @Override
    public List<String> decisionsConcerned() {
        return decisionIds;
    }

    @Override
    public List<String> lessonsConcerned() {
        return List.of(lessonId);
    }
}
