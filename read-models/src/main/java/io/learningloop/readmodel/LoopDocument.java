package io.learningloop.readmodel;

import io.learningloop.contract.events.Assessment;
import io.learningloop.contract.events.DecisionCategory;
import io.learningloop.contract.events.ExtractionPractice;
import io.learningloop.contract.events.ReportedBy;
import io.learningloop.contract.events.ReviewKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One decision's loop as the loops index stores it ({@code loops.json}): the decision's own fields, the
 * parts later steps added (outcome, check-ins, lessons, behaviour changes, reviews, actions, shares),
 * the corrections with their tombstones, and what is derived from the parts (stage, counts, first
 * times, latencies). The projection keeps its bookkeeping here too: the aggregate sequences that stop
 * an older event from overwriting a newer one ({@code decisionSequence}, {@code Outcome.sequence},
 * {@code ActionRef.sequence}); the loop API leaves them out.
 */
public record LoopDocument(
        String decisionId,
        String orgUnit,
        List<String> orgUnitPath,
        DecisionCategory category,
        String title,
        String expectedOutcome,
        Double confidence,
        LocalDate reviewBy,
        List<String> informedByLessonIds,
        List<String> leadingIndicators,
        List<String> uncertainties,
        boolean uncertaintyStated,
        String actor,
        String sourceTool,
        Instant decidedAt,
        Long decisionSequence,
        Outcome outcome,
        List<LessonRef> lessons,
        List<BehaviorChangeRef> behaviorChanges,
        List<String> appliedLessonIds,
        List<String> appliedInBehaviorChangeIds,
        List<ReviewRef> reviews,
        List<ActionRef> actions,
        List<LessonShare> lessonShares,
        List<CheckIn> checkIns,
        LoopStage stage,
        int lessonCount,
        int behaviorChangeCount,
        int reviewCount,
        ActionCounts actionCounts,
        CheckInCounts checkInCounts,
        Instant firstLessonAt,
        Instant firstBehaviorChangeAt,
        Latency latency,
        List<BehaviorChangeRef> appliedChanges,
        List<Correction> corrections,
        boolean retracted)
        implements OrgUnitDocument {

    // The fields readers query, sort or cut sources by; the template test checks each one is mapped.
    public static final String DECISION_ID = "decisionId";
    public static final String CATEGORY = "category";
    public static final String DECIDED_AT = "decidedAt";
    /** Who made the decision (a pseudonym): the person a loop figure's minimum group size counts. */
    public static final String ACTOR = "actor";

    public static final String STAGE = "stage";
    public static final String CONFIDENCE = "confidence";
    public static final String UNCERTAINTY_STATED = "uncertaintyStated";
    public static final String OUTCOME = "outcome";
    public static final String CHECK_INS = "checkIns";
    public static final String REVIEWS = "reviews";
    public static final String REVIEW_IDS = "reviews.reviewId";
    public static final String REVIEW_ROOT_CAUSE_THEMES = "reviews.rootCauseThemes";
    public static final String REVIEW_HELD_AT = "reviews.heldAt";
    public static final String LESSONS = "lessons";
    public static final String BEHAVIOR_CHANGES = "behaviorChanges";
    public static final String ACTIONS = "actions";
    public static final String DECISION_TO_OUTCOME_DAYS = "latency.decisionToOutcomeDays";
    public static final String OUTCOME_TO_LESSON_DAYS = "latency.outcomeToLessonDays";
    public static final String DECISION_TO_BEHAVIOR_CHANGE_DAYS = "latency.decisionToBehaviorChangeDays";

    /**
     * Documents written by an older version of the projection lack the parts added since, and a source
     * cut to some fields lacks the rest: missing lists read as empty, so that the next event upgrades the
     * document instead of failing on it. A document from before {@code appliedChanges} knew only the ids:
     * each change it applied is taken to cite all of them.
     */
    public LoopDocument {
        orgUnitPath = orEmpty(orgUnitPath);
        informedByLessonIds = orEmpty(informedByLessonIds);
        leadingIndicators = orEmpty(leadingIndicators);
        uncertainties = orEmpty(uncertainties);
        lessons = orEmpty(lessons);
        behaviorChanges = orEmpty(behaviorChanges);
        appliedLessonIds = orEmpty(appliedLessonIds);
        appliedInBehaviorChangeIds = orEmpty(appliedInBehaviorChangeIds);
        reviews = orEmpty(reviews);
        actions = orEmpty(actions);
        lessonShares = orEmpty(lessonShares);
        checkIns = orEmpty(checkIns);
        if (appliedChanges == null) {
            List<String> cited = appliedLessonIds;
            String decision = decisionId;
            appliedChanges = appliedInBehaviorChangeIds.stream()
                    .map(id -> new BehaviorChangeRef(id, null, decision, cited, null))
                    .toList();
        }
        corrections = orEmpty(corrections);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** {@code sequence}: the outcome aggregate's, so that an older outcome event never overwrites it. */
    public record Outcome(
            String eventId,
            Instant observedAt,
            Assessment assessment,
            String summary,
            String orgUnit,
            ReportedBy reportedBy,
            long sequence) {}

    /** A planned check-in; {@code heldAt} and {@code onTrack} once held. */
    public record CheckIn(LocalDate scheduledFor, CheckInStatus status, Instant heldAt, Boolean onTrack) {}

    public record CheckInCounts(int planned, int held, int missed, int heldLate) {}

    public record LessonRef(
            String lessonId,
            Instant recordedAt,
            String orgUnit,
            List<String> reviewIds,
            List<String> themes,
            ExtractionPractice extractionPractice) {
        /** Refs written by an older version of the projection lack the parts added since. */
        public LessonRef {
            reviewIds = orEmpty(reviewIds);
            themes = orEmpty(themes);
        }
    }

    public record BehaviorChangeRef(
            String behaviorChangeId, Instant changedAt, String decisionId, List<String> lessonIds, String orgUnit) {}

    public record ReviewRef(
            String reviewId,
            Instant heldAt,
            ReviewKind kind,
            boolean facilitated,
            boolean blameless,
            int participantCount,
            List<String> rootCauseThemes,
            String orgUnit) {}

    /**
     * An action a review of this decision assigned. {@code overdue} stays true once the due date passed
     * with it open, so "completed late" shows; {@code sequence}: the action aggregate's.
     */
    public record ActionRef(
            String actionId,
            String reviewId,
            String owner,
            LocalDate dueDate,
            Instant assignedAt,
            ActionStatus status,
            Instant endedAt,
            boolean overdue,
            long sequence) {}

    public record LessonShare(String lessonId, String sharedWithOrgUnit, Instant sharedAt) {}

    public record ActionCounts(int assigned, int completed, int dropped, int open, int overdue) {}

    /** Days between stages, absent until both ends are known. */
    public record Latency(
            Double decisionToOutcomeDays, Double outcomeToLessonDays, Double decisionToBehaviorChangeDays) {}

    /**
     * A correction of one of this loop's steps: the step and the type of its event, and for a retraction
     * the event retracted (the tombstone of that step).
     */
    public record Correction(
            String eventId,
            CorrectionKind kind,
            String stepId,
            String stepEventType,
            String retractedEventId,
            String reason,
            Instant correctedAt) {}
}
