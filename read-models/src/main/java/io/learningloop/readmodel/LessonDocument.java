package io.learningloop.readmodel;

import io.learningloop.contract.events.ExtractionPractice;
import java.time.Instant;
import java.util.List;

/**
 * One lesson and the behaviour changes it caused, as the lessons index stores it ({@code lessons.json}):
 * did it change a later decision, and how fast. A retracted lesson or change stays in
 * {@code retractedStepIds} (a tombstone, whatever the arrival order); a retracted lesson is marked
 * {@code retracted} and counts in no metric. {@code lesson} and {@code thinkingChange} (the lesson's text
 * and how thinking changed) and each change's {@code description} are kept for the evidence answer, which
 * shows them; documents written before they were kept read them as null. {@code lessonSequence} is the projection's bookkeeping: the
 * lesson aggregate's sequence, so that an older event never overwrites a newer one.
 */
public record LessonDocument(
        String lessonId,
        String orgUnit,
        List<String> orgUnitPath,
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
        int behaviorChangeCount,
        List<String> sharedWithOrgUnits,
        int sharedCount,
        boolean converted,
        Instant firstBehaviorChangeAt,
        Double lessonToBehaviorChangeDays,
        List<String> retractedStepIds,
        boolean retracted)
        implements OrgUnitDocument {

    // The fields readers query, sort or cut sources by; the template test checks each one is mapped.
    public static final String LESSON_ID = "lessonId";
    public static final String ORG_UNIT = "orgUnit";
    public static final String RECORDED_AT = "recordedAt";
    public static final String THEMES = "themes";
    public static final String REVIEW_IDS = "reviewIds";
    /** Who recorded the lesson (a pseudonym): the person a lesson figure's minimum group size counts. */
    public static final String ACTOR = "actor";

    public static final String SHARED_COUNT = "sharedCount";
    public static final String BEHAVIOR_CHANGES = "behaviorChanges";
    public static final String CONVERTED = "converted";
    public static final String LESSON_TO_BEHAVIOR_CHANGE_DAYS = "lessonToBehaviorChangeDays";

    /** Documents written by an older version, or sources cut to some fields, lack parts: they read as empty. */
    public LessonDocument {
        orgUnitPath = orEmpty(orgUnitPath);
        decisionIds = orEmpty(decisionIds);
        reviewIds = orEmpty(reviewIds);
        themes = orEmpty(themes);
        behaviorChanges = orEmpty(behaviorChanges);
        sharedWithOrgUnits = orEmpty(sharedWithOrgUnits);
        retractedStepIds = orEmpty(retractedStepIds);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** {@code description}: what the later decision did differently (null on documents from before it was kept). */
    public record ChangeRef(
            String behaviorChangeId, Instant changedAt, String decisionId, String orgUnit, String description) {}
}
