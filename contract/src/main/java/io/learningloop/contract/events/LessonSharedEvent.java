package io.learningloop.contract.events;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A lesson was shared with another org unit: how learning spreads beyond the team that learned it.
 * {@code orgUnit} is the lesson's own unit; {@code decisionIds} the decisions it came from.
 */
@Revision("1")
public record LessonSharedEvent(
        String eventId,
        String lessonId,
        String orgUnit,
        Instant occurredAt,
        Instant recordedAt,
        String sourceTool,
        String actor,
        List<String> decisionIds,
        String sharedWithOrgUnit)
        implements LoopEvent {

    public LessonSharedEvent {
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
