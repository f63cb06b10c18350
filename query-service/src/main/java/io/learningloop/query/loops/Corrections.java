package io.learningloop.query.loops;

import io.learningloop.contract.EventTypes;
import io.learningloop.contract.events.StepAmendedEvent;
import io.learningloop.contract.events.StepRetractedEvent;
import io.learningloop.readmodel.CorrectionKind;
import io.learningloop.readmodel.LoopDocument.ActionRef;
import io.learningloop.readmodel.LoopDocument.BehaviorChangeRef;
import io.learningloop.readmodel.LoopDocument.Correction;
import io.learningloop.readmodel.LoopDocument.LessonRef;
import io.learningloop.readmodel.LoopDocument.LessonShare;
import io.learningloop.readmodel.LoopDocument.ReviewRef;
import java.util.List;
import java.util.function.Function;

/**
 * The corrections of a loop's steps. An amendment is noted here and applied by the projection as the
 * corrected step itself, with the amendment's sequence; a retraction removes its part and stays as a
 * tombstone, so that the retracted step read again (a redelivery, another arrival order) is not added
 * back. A retracted decision keeps its document, marked retracted ({@link LoopDerivation}).
 */
final class Corrections {

    private Corrections() {}

    static LoopParts amended(LoopParts loop, StepAmendedEvent amended) {
        return loop.withCorrections(LoopParts.upsert(
                loop.corrections(),
                new Correction(
                        amended.eventId(),
                        CorrectionKind.AMENDED,
                        amended.stepId(),
                        EventTypes.name(amended.correction().getClass()),
                        null,
                        amended.reason(),
                        amended.occurredAt()),
                Correction::eventId));
    }

    /** Removes the retracted step's part and keeps the retraction as its tombstone. */
    static LoopParts retracted(LoopParts loop, StepRetractedEvent retraction) {
        LoopParts tombstoned = loop.withCorrections(LoopParts.upsert(
                loop.corrections(),
                new Correction(
                        retraction.eventId(),
                        CorrectionKind.RETRACTED,
                        retraction.stepId(),
                        retraction.retractedEventType(),
                        retraction.retractedEventId(),
                        retraction.reason(),
                        retraction.occurredAt()),
                Correction::eventId));
        if (loop.outcome() != null && loop.outcome().eventId().equals(retraction.retractedEventId())) {
            tombstoned = tombstoned.withOutcome(null);
        }
        String lessonRecorded = LessonsAndChanges.LESSON_RECORDED;
        String behaviorChanged = LessonsAndChanges.BEHAVIOR_CHANGED;
        return tombstoned
                .withLessons(
                        without(tombstoned, tombstoned.lessons(), LessonRef::lessonId, lessonRecorded),
                        without(tombstoned, tombstoned.lessonShares(), LessonShare::lessonId, lessonRecorded))
                .withReviews(
                        without(tombstoned, tombstoned.reviews(), ReviewRef::reviewId, ReviewsAndShares.REVIEW_HELD))
                .withActions(without(tombstoned, tombstoned.actions(), ActionRef::actionId, Actions.ACTION_ASSIGNED))
                .withBehaviorChanges(
                        without(
                                tombstoned,
                                tombstoned.behaviorChanges(),
                                BehaviorChangeRef::behaviorChangeId,
                                behaviorChanged),
                        without(
                                tombstoned,
                                tombstoned.appliedChanges(),
                                BehaviorChangeRef::behaviorChangeId,
                                behaviorChanged));
    }

    /** A tombstone of the step: ids are never reused, so the step id and its event type name it. */
    static boolean retractedStep(LoopParts loop, String eventType, String stepId) {
        return loop.corrections().stream()
                .anyMatch(c -> c.kind() == CorrectionKind.RETRACTED
                        && c.stepEventType().equals(eventType)
                        && c.stepId().equals(stepId));
    }

    static boolean retractedEvent(LoopParts loop, String eventId) {
        return loop.corrections().stream().anyMatch(c -> eventId.equals(c.retractedEventId()));
    }

    private static <T> List<T> without(LoopParts loop, List<T> parts, Function<T, String> id, String eventType) {
        return parts.stream()
                .filter(part -> !retractedStep(loop, eventType, id.apply(part)))
                .toList();
    }
}
