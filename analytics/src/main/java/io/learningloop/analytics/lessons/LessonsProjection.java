package io.learningloop.analytics.lessons;

import io.learningloop.codec.kafka.EventEnvelope;
import io.learningloop.contract.EventTypes;
import io.learningloop.contract.events.BehaviorChangedEvent;
import io.learningloop.contract.events.LessonRecordedEvent;
import io.learningloop.contract.events.LessonSharedEvent;
import io.learningloop.contract.events.LoopEvent;
import io.learningloop.contract.events.StepRetractedEvent;
import io.learningloop.projection.DocumentProjection;
import io.learningloop.projection.elasticsearch.Indices;
import io.learningloop.readmodel.LessonDocument;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Keeps one {@link LessonDocument} per lesson: recorded, shared, the behaviour changes it caused, and
 * corrections of the lesson and of those changes ({@link Lessons} reduces each).
 */
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

    /** The types whose events change lesson documents, also when amended or retracted. */
    private static final Set<String> LESSON_STEPS =
            Set.of(EventTypes.name(LessonRecordedEvent.class), EventTypes.name(BehaviorChangedEvent.class));

    @Override
    public Collection<String> documentIds(EventEnvelope envelope) {
        LoopEvent event = envelope.correctedStep().event();
        if (event instanceof LessonRecordedEvent
                || event instanceof BehaviorChangedEvent
                || event instanceof LessonSharedEvent) {
            return event.lessonsConcerned();
        }
        if (event instanceof StepRetractedEvent retracted && LESSON_STEPS.contains(retracted.retractedEventType())) {
            return retracted.lessonIds();
        }
        return List.of();
    }

    /** An amendment is applied as the step it corrects, with the amendment's sequence. */
    @Override
    public LessonDocument apply(String lessonId, LessonDocument current, EventEnvelope delivered) {
        LessonDocument lesson = current != null ? current : Lessons.empty(lessonId);
        EventEnvelope envelope = delivered.correctedStep();
        if (envelope.event() instanceof StepRetractedEvent retracted) {
            return Lessons.retracted(lesson, retracted);
        }
        if (envelope.event() instanceof LessonRecordedEvent recorded) {
            return Lessons.recorded(lesson, recorded, envelope.aggregateSequence());
        }
        if (envelope.event() instanceof BehaviorChangedEvent changed) {
            return Lessons.changed(lesson, changed);
        }
        if (envelope.event() instanceof LessonSharedEvent shared) {
            return Lessons.shared(lesson, shared);
        }
        throw new IllegalArgumentException("the lessons projection does not take " + envelope.type());
    }
}
