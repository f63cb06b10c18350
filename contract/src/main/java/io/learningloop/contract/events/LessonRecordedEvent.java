package io.learningloop.contract.events;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A lesson was drawn from decisions and/or the reviews of them, and it says how the team's thinking
 * changed. {@code decisionIds} holds every decision it concerns, the reviews' decisions included, so no
 * consumer has to join. Revision 2 adds the reviews it came from, its themes and how it was drawn out
 * ({@code extractionPractice}); revision 1 events are upcast with no reviews, no themes and
 * {@code unknown}.
 */
@Revision("2")
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
        String thinkingChange,
        List<String> reviewIds,
        List<String> themes,
        ExtractionPractice extractionPractice)
        implements LoopEvent {

    public LessonRecordedEvent {
        decisionIds = List.copyOf(decisionIds);
        reviewIds = List.copyOf(reviewIds == null ? List.of() : reviewIds);
        themes = List.copyOf(themes == null ? List.of() : themes);
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
