package io.learningloop.query.loops;

import io.learningloop.contract.EventTypes;
import io.learningloop.contract.events.BehaviorChangedEvent;
import io.learningloop.contract.events.LessonRecordedEvent;
import io.learningloop.readmodel.LoopDocument.BehaviorChangeRef;
import io.learningloop.readmodel.LoopDocument.LessonRef;

/**
 * The lessons drawn from this decision and the behaviour changes they caused; and the changes this
 * decision itself is (it applied lessons of other loops).
 */
final class LessonsAndChanges {

    static final String LESSON_RECORDED = EventTypes.name(LessonRecordedEvent.class);
    static final String BEHAVIOR_CHANGED = EventTypes.name(BehaviorChangedEvent.class);

    private LessonsAndChanges() {}

    static LoopParts lesson(LoopParts loop, LessonRecordedEvent recorded) {
        if (Corrections.retractedStep(loop, LESSON_RECORDED, recorded.lessonId())) {
            return loop;
        }
        return loop.withLessons(
                LoopParts.upsert(
                        loop.lessons(),
                        new LessonRef(
                                recorded.lessonId(),
                                recorded.occurredAt(),
                                recorded.orgUnit(),
                                recorded.reviewIds(),
                                recorded.themes(),
                                recorded.extractionPractice()),
                        LessonRef::lessonId),
                loop.lessonShares());
    }

    /** The change closes this loop when one of its lessons came from here, and/or it is this decision. */
    static LoopParts behaviorChange(LoopParts loop, BehaviorChangedEvent changed) {
        if (Corrections.retractedStep(loop, BEHAVIOR_CHANGED, changed.behaviorChangeId())) {
            return loop;
        }
        var change = new BehaviorChangeRef(
                changed.behaviorChangeId(),
                changed.occurredAt(),
                changed.decisionId(),
                changed.lessonIds(),
                changed.orgUnit());
        var caused = changed.lessonDecisionIds().contains(loop.decisionId())
                ? LoopParts.upsert(loop.behaviorChanges(), change, BehaviorChangeRef::behaviorChangeId)
                : loop.behaviorChanges();
        var applied = changed.decisionId().equals(loop.decisionId())
                ? LoopParts.upsert(loop.appliedChanges(), change, BehaviorChangeRef::behaviorChangeId)
                : loop.appliedChanges();
        return loop.withBehaviorChanges(caused, applied);
    }
}
