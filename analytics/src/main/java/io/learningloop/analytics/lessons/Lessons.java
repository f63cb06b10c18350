package io.learningloop.analytics.lessons;

import io.learningloop.contract.OrgUnits;
import io.learningloop.contract.events.BehaviorChangedEvent;
import io.learningloop.contract.events.ExtractionPractice;
import io.learningloop.contract.events.LessonRecordedEvent;
import io.learningloop.contract.events.LessonSharedEvent;
import io.learningloop.contract.events.StepRetractedEvent;
import io.learningloop.readmodel.LessonDocument;
import io.learningloop.readmodel.LessonDocument.ChangeRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The reducers of a {@link LessonDocument}. A change may be read before its lesson (other partition), so
 * the lesson and its changes are kept apart and the conversion fields derived from them after each
 * event ({@link Parts#document()}, the one place that does). A reducer that changes nothing returns
 * the document it was given.
 */
final class Lessons {

    private static final double MILLIS_PER_DAY = Duration.ofDays(1).toMillis();

    private Lessons() {}

    static LessonDocument empty(String lessonId) {
        return new Parts(
                        lessonId, null, null, null, null, null, List.of(), List.of(), List.of(), null, null, List.of(),
                        List.of(), List.of())
                .document();
    }

    static LessonDocument recorded(LessonDocument lesson, LessonRecordedEvent recorded, long sequence) {
        if (lesson.lessonSequence() != null && lesson.lessonSequence() >= sequence) {
            return lesson;
        }
        Parts parts = Parts.of(lesson);
        return new Parts(
                        parts.lessonId,
                        recorded.orgUnit(),
                        recorded.occurredAt(),
                        recorded.actor(),
                        recorded.lesson(),
                        recorded.thinkingChange(),
                        recorded.decisionIds(),
                        recorded.reviewIds(),
                        recorded.themes(),
                        recorded.extractionPractice(),
                        sequence,
                        parts.behaviorChanges,
                        parts.sharedWithOrgUnits,
                        parts.retractedStepIds)
                .document();
    }

    /** Tombstones the lesson itself or a change that cited it; the change no longer counts. */
    static LessonDocument retracted(LessonDocument lesson, StepRetractedEvent retraction) {
        TreeSet<String> retractedIds = new TreeSet<>(lesson.retractedStepIds());
        retractedIds.add(retraction.stepId());
        List<ChangeRef> remaining = lesson.behaviorChanges().stream()
                .filter(change -> !retractedIds.contains(change.behaviorChangeId()))
                .toList();
        return Parts.of(lesson)
                .withChanges(remaining, List.copyOf(retractedIds))
                .document();
    }

    static LessonDocument changed(LessonDocument lesson, BehaviorChangedEvent changed) {
        if (lesson.retractedStepIds().contains(changed.behaviorChangeId())) {
            return lesson;
        }
        List<ChangeRef> changes = new ArrayList<>(lesson.behaviorChanges().stream()
                .filter(change -> !change.behaviorChangeId().equals(changed.behaviorChangeId()))
                .toList());
        changes.add(new ChangeRef(
                changed.behaviorChangeId(),
                changed.occurredAt(),
                changed.decisionId(),
                changed.orgUnit(),
                changed.description()));
        changes.sort(Comparator.comparing(ChangeRef::behaviorChangeId));
        return Parts.of(lesson)
                .withChanges(List.copyOf(changes), lesson.retractedStepIds())
                .document();
    }

    /** Spread: the org units beyond its own that the lesson was shared with. */
    static LessonDocument shared(LessonDocument lesson, LessonSharedEvent shared) {
        TreeSet<String> units = new TreeSet<>(lesson.sharedWithOrgUnits());
        units.add(shared.sharedWithOrgUnit());
        Parts parts = Parts.of(lesson);
        return new Parts(
                        parts.lessonId,
                        parts.orgUnit,
                        parts.recordedAt,
                        parts.actor,
                        parts.lesson,
                        parts.thinkingChange,
                        parts.decisionIds,
                        parts.reviewIds,
                        parts.themes,
                        parts.extractionPractice,
                        parts.lessonSequence,
                        parts.behaviorChanges,
                        List.copyOf(units),
                        parts.retractedStepIds)
                .document();
    }

    /** What the events said of one lesson, before anything is derived from it. */
    private record Parts(
            String lessonId,
            String orgUnit,
            Instant recordedAt,
            String actor,
            String lesson,
            String thinkingChange,
            List<String> decisionIds,
            List<String> reviewIds,
            List<String> themes,
            ExtractionPractice extractionPractice,
            Long lessonSequence,
            List<ChangeRef> behaviorChanges,
            List<String> sharedWithOrgUnits,
            List<String> retractedStepIds) {

        static Parts of(LessonDocument lesson) {
            return new Parts(
                    lesson.lessonId(),
                    lesson.orgUnit(),
                    lesson.recordedAt(),
                    lesson.actor(),
                    lesson.lesson(),
                    lesson.thinkingChange(),
                    lesson.decisionIds(),
                    lesson.reviewIds(),
                    lesson.themes(),
                    lesson.extractionPractice(),
                    lesson.lessonSequence(),
                    lesson.behaviorChanges(),
                    lesson.sharedWithOrgUnits(),
                    lesson.retractedStepIds());
        }

        Parts withChanges(List<ChangeRef> changes, List<String> retracted) {
            return new Parts(
                    lessonId,
                    orgUnit,
                    recordedAt,
                    actor,
                    lesson,
                    thinkingChange,
                    decisionIds,
                    reviewIds,
                    themes,
                    extractionPractice,
                    lessonSequence,
                    changes,
                    sharedWithOrgUnits,
                    retracted);
        }

        /** Converted once a change cites a recorded lesson; a retracted lesson is marked and counts nowhere. */
        LessonDocument document() {
            Instant first = behaviorChanges.stream()
                    .map(ChangeRef::changedAt)
                    .min(Comparator.naturalOrder())
                    .orElse(null);
            Double days = recordedAt == null || first == null
                    ? null
                    : Duration.between(recordedAt, first).toMillis() / MILLIS_PER_DAY;
            List<String> orgUnitPath = orgUnit == null ? List.of() : OrgUnits.selfAndAncestors(orgUnit);
            return new LessonDocument(
                    lessonId,
                    orgUnit,
                    orgUnitPath,
                    recordedAt,
                    actor,
                    lesson,
                    thinkingChange,
                    decisionIds,
                    reviewIds,
                    themes,
                    extractionPractice,
                    lessonSequence,
                    behaviorChanges,
                    behaviorChanges.size(),
                    sharedWithOrgUnits,
                    sharedWithOrgUnits.size(),
                    recordedAt != null && !behaviorChanges.isEmpty(),
                    first,
                    days,
                    retractedStepIds,
                    retractedStepIds.contains(lessonId));
        }
    }
}
