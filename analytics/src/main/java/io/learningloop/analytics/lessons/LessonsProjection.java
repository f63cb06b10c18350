package io.learningloop.analytics.lessons;

import io.learningloop.contract.events.BehaviorChangedEvent;
import io.learningloop.contract.events.LessonRecordedEvent;
import io.learningloop.contract.events.LessonSharedEvent;
import io.learningloop.contract.events.LoopEvent;
import io.learningloop.infra.elasticsearch.Indices;
import io.learningloop.infra.projection.DocumentProjection;
import io.learningloop.infra.projection.EventEnvelope;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/** Keeps one {@link LessonDocument} per lesson: recorded, shared, and the behaviour changes it caused. */
@Component
class LessonsProjection implements DocumentProjection<LessonDocument> {

    private final Indices indices;

    LessonsProjection(Indices indices) {
        this.indices = indices;
    }

    @Override
    public String name() {
        return "lessons";
    }

    @Override
    public String index() {
        return indices.lessons();
    }

    @Override
    public Class<LessonDocument> documentClass() {
        return LessonDocument.class;
    }

    @Override
    public Collection<String> documentIds(EventEnvelope envelope) {
        LoopEvent event = envelope.event();
        if (event instanceof LessonRecordedEvent || event instanceof BehaviorChangedEvent
                || event instanceof LessonSharedEvent) {
            return event.lessonsConcerned();
        }
        return List.of();
    }

    @Override
    public LessonDocument apply(String lessonId, LessonDocument current, EventEnvelope envelope) {
        LessonDocument lesson = current != null ? current : LessonDocument.empty(lessonId);
        if (envelope.event() instanceof LessonRecordedEvent recorded) {
            return lesson.withLesson(recorded, envelope.aggregateSequence());
        }
        if (envelope.event() instanceof BehaviorChangedEvent changed) {
            return lesson.withBehaviorChange(changed);
        }
        if (envelope.event() instanceof LessonSharedEvent shared) {
            return lesson.withSharing(shared);
        }
        throw new IllegalArgumentException("the lessons projection does not take " + envelope.type());
    }
}
