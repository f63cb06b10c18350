package io.learningloop.contract.events;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A tool withdrew a step it should never have posted. The step's event ({@code retractedEventId}, of
 * type {@code retractedEventType}) stays in the log but counts nowhere any more; a retracted decision,
 * lesson, review, action or behaviour change keeps its id (ids are never reused), a retracted outcome
 * leaves its decision free for the real one. {@code decisionIds} and {@code lessonIds} are those the
 * retracted step concerned, so a consumer finds what to undo without a lookup.
 */
@Revision("1")
public record StepRetractedEvent(
        String eventId,
        String stepId,
        String orgUnit,
        Instant occurredAt,
        Instant recordedAt,
        String sourceTool,
        String actor,
        String reason,
        String retractedEventId,
        String retractedEventType,
        List<String> decisionIds,
        List<String> lessonIds)
        implements LoopEvent {

    public StepRetractedEvent {
        decisionIds = List.copyOf(decisionIds);
        lessonIds = List.copyOf(lessonIds);
    }

    @Override
    public String aggregateId() {
        return stepId;
    }

    @Override
    public List<String> decisionsConcerned() {
        return decisionIds;
    }

    @Override
    public List<String> lessonsConcerned() {
        return lessonIds;
    }
}
