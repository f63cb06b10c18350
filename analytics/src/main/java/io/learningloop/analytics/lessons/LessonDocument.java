package io.learningloop.analytics.lessons;

import io.learningloop.contract.OrgUnits;
import io.learningloop.contract.events.BehaviorChangedEvent;
import io.learningloop.contract.events.LessonRecordedEvent;
import io.learningloop.contract.events.LessonSharedEvent;
import io.learningloop.contract.events.StepRetractedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * One lesson and the behaviour changes it caused. A change may be read before its lesson (other
 * partition), so both parts are kept apart and the conversion fields derived after each change. A
 * retracted lesson or change stays in {@code retractedStepIds} (a tombstone, whatever the arrival
 * order); a retracted lesson is marked {@code retracted} and counts in no metric.
 */
public record LessonDocument(
        String lessonId,
        String orgUnit,
        List<String> orgUnitPath,
        Instant recordedAt,
        List<String> decisionIds,
        List<String> reviewIds,
        List<String> themes,
        String extractionPractice,
        Long lessonSequence,
        List<ChangeRef> behaviorChanges,
        int behaviorChangeCount,
        List<String> sharedWithOrgUnits,
        int sharedCount,
        boolean converted,
        Instant firstBehaviorChangeAt,
        Double lessonToBehaviorChangeDays,
        List<String> retractedStepIds,
        boolean retracted) {

    /** Documents written by an older version lack parts added since: they read as empty. */
    public LessonDocument {
        orgUnitPath = orgUnitPath == null ? List.of() : orgUnitPath;
        decisionIds = decisionIds == null ? List.of() : decisionIds;
        reviewIds = reviewIds == null ? List.of() : reviewIds;
        themes = themes == null ? List.of() : themes;
        behaviorChanges = behaviorChanges == null ? List.of() : behaviorChanges;
        sharedWithOrgUnits = sharedWithOrgUnits == null ? List.of() : sharedWithOrgUnits;
        retractedStepIds = retractedStepIds == null ? List.of() : retractedStepIds;
    }

    public record ChangeRef(String behaviorChangeId, Instant changedAt, String decisionId, String orgUnit) {
    }

    private static final double MILLIS_PER_DAY = Duration.ofDays(1).toMillis();

    static LessonDocument empty(String lessonId) {
        return new LessonDocument(lessonId, null, List.of(), null, List.of(), List.of(), List.of(), null, null,
                List.of(), 0, List.of(), 0, false, null, null, List.of(), false);
    }

    LessonDocument withLesson(LessonRecordedEvent recorded, long sequence) {
        if (lessonSequence != null && lessonSequence >= sequence) {
            return this;
        }
        return new LessonDocument(lessonId, recorded.orgUnit(), OrgUnits.selfAndAncestors(recorded.orgUnit()),
                recorded.occurredAt(), recorded.decisionIds(), recorded.reviewIds(), recorded.themes(),
                recorded.extractionPractice().wireName(), sequence, behaviorChanges, 0, sharedWithOrgUnits, 0, false,
                null, null, retractedStepIds, false).derived();
    }

    /** Tombstones the lesson itself or a change that cited it; the change no longer counts. */
    LessonDocument withRetraction(StepRetractedEvent retraction) {
        TreeSet<String> retractedIds = new TreeSet<>(retractedStepIds);
        retractedIds.add(retraction.stepId());
        List<ChangeRef> remaining = behaviorChanges.stream()
                .filter(change -> !retractedIds.contains(change.behaviorChangeId())).toList();
        return new LessonDocument(lessonId, orgUnit, orgUnitPath, recordedAt, decisionIds, reviewIds, themes,
                extractionPractice, lessonSequence, remaining, 0, sharedWithOrgUnits, 0, false, null, null,
                List.copyOf(retractedIds), false).derived();
    }

    LessonDocument withBehaviorChange(BehaviorChangedEvent changed) {
        if (retractedStepIds.contains(changed.behaviorChangeId())) {
            return this;
        }
        List<ChangeRef> changes = new ArrayList<>(behaviorChanges.stream()
                .filter(change -> !change.behaviorChangeId().equals(changed.behaviorChangeId())).toList());
        changes.add(new ChangeRef(changed.behaviorChangeId(), changed.occurredAt(), changed.decisionId(),
                changed.orgUnit()));
        changes.sort(Comparator.comparing(ChangeRef::behaviorChangeId));
        return new LessonDocument(lessonId, orgUnit, orgUnitPath, recordedAt, decisionIds, reviewIds, themes,
                extractionPractice, lessonSequence,
                List.copyOf(changes), 0, sharedWithOrgUnits, 0, false, null, null, retractedStepIds, false).derived();
    }

    /** Spread: the org units beyond its own that the lesson was shared with. */
    LessonDocument withSharing(LessonSharedEvent shared) {
        TreeSet<String> units = new TreeSet<>(sharedWithOrgUnits);
        units.add(shared.sharedWithOrgUnit());
        return new LessonDocument(lessonId, orgUnit, orgUnitPath, recordedAt, decisionIds, reviewIds, themes,
                extractionPractice, lessonSequence,
                behaviorChanges, 0, List.copyOf(units), 0, false, null, null, retractedStepIds, false).derived();
    }

    private LessonDocument derived() {
        Instant first = behaviorChanges.stream().map(ChangeRef::changedAt).min(Comparator.naturalOrder()).orElse(null);
        Double days = recordedAt == null || first == null ? null
                : Duration.between(recordedAt, first).toMillis() / MILLIS_PER_DAY;
        return new LessonDocument(lessonId, orgUnit, orgUnitPath, recordedAt, decisionIds, reviewIds, themes,
                extractionPractice, lessonSequence,
                behaviorChanges, behaviorChanges.size(), sharedWithOrgUnits, sharedWithOrgUnits.size(),
                recordedAt != null && !behaviorChanges.isEmpty(), first, days, retractedStepIds,
                retractedStepIds.contains(lessonId));
    }
}
