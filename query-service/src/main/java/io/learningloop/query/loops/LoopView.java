package io.learningloop.query.loops;

import io.learningloop.contract.events.Assessment;
import io.learningloop.contract.events.DecisionCategory;
import io.learningloop.contract.events.ReportedBy;
import io.learningloop.readmodel.ActionStatus;
import io.learningloop.readmodel.LoopDocument;
import io.learningloop.readmodel.LoopDocument.ActionCounts;
import io.learningloop.readmodel.LoopDocument.ActionRef;
import io.learningloop.readmodel.LoopDocument.BehaviorChangeRef;
import io.learningloop.readmodel.LoopDocument.CheckIn;
import io.learningloop.readmodel.LoopDocument.CheckInCounts;
import io.learningloop.readmodel.LoopDocument.Correction;
import io.learningloop.readmodel.LoopDocument.Latency;
import io.learningloop.readmodel.LoopDocument.LessonRef;
import io.learningloop.readmodel.LoopDocument.LessonShare;
import io.learningloop.readmodel.LoopDocument.ReviewRef;
import io.learningloop.readmodel.LoopStage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A loop as {@code GET /loops} and {@code /loops/{id}} answer it: the stored {@link LoopDocument}, field
 * for field and in its order, without the projection's bookkeeping (the aggregate sequences), and as of
 * the moment of the answer ({@link #asOf}).
 */
record LoopView(
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
        OutcomeView outcome,
        List<LessonRef> lessons,
        List<BehaviorChangeRef> behaviorChanges,
        List<String> appliedLessonIds,
        List<String> appliedInBehaviorChangeIds,
        List<ReviewRef> reviews,
        List<ActionView> actions,
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
        boolean retracted) {

    record OutcomeView(
            String eventId,
            Instant observedAt,
            Assessment assessment,
            String summary,
            String orgUnit,
            ReportedBy reportedBy) {}

    record ActionView(
            String actionId,
            String reviewId,
            String owner,
            LocalDate dueDate,
            Instant assignedAt,
            ActionStatus status,
            Instant endedAt,
            boolean overdue) {}

    /**
     * The loop as of {@code now}: a check-in still planned whose day plus the tolerance passed reads missed,
     * an action still open past its due date reads overdue, before the platform records either; a
     * backfill's old dates read right at once. The stored document keeps what the events said, so that a
     * held check-in or an ended action arriving later is told in time or late by the events alone.
     */
    static LoopView asOf(LoopDocument stored, Instant now, Duration checkInTolerance) {
        LoopParts parts = LoopParts.of(stored);
        return of(LoopDerivation.document(parts.withCheckIns(CheckIns.asOf(parts.checkIns(), now, checkInTolerance))
                .withActions(Actions.asOf(parts.actions(), now))));
    }

    /** The stored document as it is, less its bookkeeping. */
    static LoopView of(LoopDocument loop) {
        var outcome = loop.outcome() == null
                ? null
                : new OutcomeView(
                        loop.outcome().eventId(),
                        loop.outcome().observedAt(),
                        loop.outcome().assessment(),
                        loop.outcome().summary(),
                        loop.outcome().orgUnit(),
                        loop.outcome().reportedBy());
        return new LoopView(
                loop.decisionId(),
                loop.orgUnit(),
                loop.orgUnitPath(),
                loop.category(),
                loop.title(),
                loop.expectedOutcome(),
                loop.confidence(),
                loop.reviewBy(),
                loop.informedByLessonIds(),
                loop.leadingIndicators(),
                loop.uncertainties(),
                loop.uncertaintyStated(),
                loop.actor(),
                loop.sourceTool(),
                loop.decidedAt(),
                outcome,
                loop.lessons(),
                loop.behaviorChanges(),
                loop.appliedLessonIds(),
                loop.appliedInBehaviorChangeIds(),
                loop.reviews(),
                loop.actions().stream().map(LoopView::action).toList(),
                loop.lessonShares(),
                loop.checkIns(),
                loop.stage(),
                loop.lessonCount(),
                loop.behaviorChangeCount(),
                loop.reviewCount(),
                loop.actionCounts(),
                loop.checkInCounts(),
                loop.firstLessonAt(),
                loop.firstBehaviorChangeAt(),
                loop.latency(),
                loop.appliedChanges(),
                loop.corrections(),
                loop.retracted());
    }

    private static ActionView action(ActionRef action) {
        return new ActionView(
                action.actionId(),
                action.reviewId(),
                action.owner(),
                action.dueDate(),
                action.assignedAt(),
                action.status(),
                action.endedAt(),
                action.overdue());
    }
}
