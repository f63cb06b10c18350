package io.learningloop.query.loops;

import io.learningloop.contract.DueDates;
import io.learningloop.contract.EventTypes;
import io.learningloop.contract.OrgUnits;
import io.learningloop.contract.events.ActionAssignedEvent;
import io.learningloop.contract.events.BehaviorChangedEvent;
import io.learningloop.contract.events.CheckInHeldEvent;
import io.learningloop.contract.events.CheckInMissedEvent;
import io.learningloop.contract.events.DecisionMadeEvent;
import io.learningloop.contract.events.LessonRecordedEvent;
import io.learningloop.contract.events.LessonSharedEvent;
import io.learningloop.contract.events.OutcomeObservedEvent;
import io.learningloop.contract.events.ReviewHeldEvent;
import io.learningloop.contract.events.RootCause;
import io.learningloop.contract.events.StepAmendedEvent;
import io.learningloop.contract.events.StepRetractedEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * One decision's loop. Events may arrive in any order across aggregates (a lesson's partition can be
 * read before its decision's), so every part is set on its own and the stage fields are derived from
 * the parts after each change. Parts keyed by id make re-applying an event a no-op; the decision and
 * outcome parts keep their aggregate sequence so an older event never overwrites a newer one.
 *
 * <p>Corrections: an amendment is applied as the corrected step with the amendment's sequence; a
 * retraction removes its part and stays in {@code corrections} as a tombstone, so that the retracted
 * step read again (a redelivery, another arrival order) is not added back. A retracted decision keeps
 * its document, marked {@code retracted}, which searches and metrics leave out.
 */
public record LoopDocument(
        String decisionId,
        String orgUnit,
        List<String> orgUnitPath,
        String category,
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
        String stage,
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

    /**
     * Documents written by an older version of this projection lack the parts added since; they read
     * as empty, so that the next event upgrades the document instead of failing on it. A document from
     * before {@code appliedChanges} knew only the ids: each change it applied is taken to cite all of them.
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
            appliedChanges = appliedInBehaviorChangeIds.stream()
                    .map(id -> new BehaviorChangeRef(id, null, decisionId, cited, null)).toList();
        }
        corrections = orEmpty(corrections);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    public record Outcome(String eventId, Instant observedAt, String assessment, String summary, String orgUnit,
                          String reportedBy, long sequence) {
    }

    /** A planned check-in: {@code planned}, {@code held}, {@code missed}, or {@code held-late} after being missed. */
    public record CheckIn(LocalDate scheduledFor, String status, Instant heldAt, Boolean onTrack) {
    }

    public record CheckInCounts(int planned, int held, int missed, int heldLate) {
    }

    public record LessonRef(String lessonId, Instant recordedAt, String orgUnit, List<String> reviewIds,
                            List<String> themes, String extractionPractice) {
        /** Refs written by an older version of this projection lack the parts added since. */
        public LessonRef {
            reviewIds = orEmpty(reviewIds);
            themes = orEmpty(themes);
        }
    }

    public record BehaviorChangeRef(String behaviorChangeId, Instant changedAt, String decisionId,
                                    List<String> lessonIds, String orgUnit) {
    }

    public record ReviewRef(String reviewId, Instant heldAt, String kind, boolean facilitated, boolean blameless,
                            int participantCount, List<String> rootCauseThemes, String orgUnit) {
    }

    /**
     * An action a review of this decision assigned. {@code status}: open, completed or dropped;
     * {@code overdue} stays true once the due date passed with it open, so "completed late" shows.
     */
    public record ActionRef(String actionId, String reviewId, String owner, LocalDate dueDate, Instant assignedAt,
                            String status, Instant endedAt, boolean overdue, long sequence) {
    }

    public record LessonShare(String lessonId, String sharedWithOrgUnit, Instant sharedAt) {
    }

    public record ActionCounts(int assigned, int completed, int dropped, int open, int overdue) {
    }

    /** Days between stages, absent until both ends are known. */
    public record Latency(Double decisionToOutcomeDays, Double outcomeToLessonDays,
                          Double decisionToBehaviorChangeDays) {
    }

    /**
     * A correction of one of this loop's steps: {@code amended} or {@code retracted}, the step and the
     * type of its event, and for a retraction the event retracted (the tombstone of that step).
     */
    public record Correction(String eventId, String kind, String stepId, String stepEventType,
                             String retractedEventId, String reason, Instant correctedAt) {
    }

    private static final double MILLIS_PER_DAY = Duration.ofDays(1).toMillis();
    private static final String DECISION_MADE = EventTypes.name(DecisionMadeEvent.class);
    private static final String LESSON_RECORDED = EventTypes.name(LessonRecordedEvent.class);
    private static final String REVIEW_HELD = EventTypes.name(ReviewHeldEvent.class);
    private static final String ACTION_ASSIGNED = EventTypes.name(ActionAssignedEvent.class);
    private static final String BEHAVIOR_CHANGED = EventTypes.name(BehaviorChangedEvent.class);

    /** A loop known only by its id, before any of its events arrived. */
    static LoopDocument empty(String decisionId) {
        return new Parts(decisionId).document();
    }

    LoopDocument withDecision(DecisionMadeEvent made, long sequence) {
        if (decisionSequence != null && decisionSequence >= sequence) {
            return this;
        }
        Parts parts = parts();
        parts.decision = Decided.of(made);
        parts.decisionSequence = sequence;
        parts.checkIns = planned(made);
        return parts.document();
    }

    LoopDocument withOutcome(OutcomeObservedEvent observed, long sequence) {
        if (outcome != null && outcome.sequence() >= sequence || retractedEvent(observed.eventId())) {
            return this;
        }
        Parts parts = parts();
        parts.outcome = new Outcome(observed.eventId(), observed.occurredAt(), observed.assessment().wireName(),
                observed.summary(), observed.orgUnit(), observed.reportedBy().wireName(), sequence);
        return parts.document();
    }

    /** Held (late, if it had been missed); a repeat of the same event changes nothing. */
    LoopDocument withCheckInHeld(CheckInHeldEvent held) {
        CheckIn current = checkIn(held.scheduledFor());
        String status = current != null && (current.status().equals("missed") || current.status().equals("held-late"))
                ? "held-late" : "held";
        return withCheckIn(new CheckIn(held.scheduledFor(), status, held.occurredAt(), held.onTrack()));
    }

    /** Missed, unless it was held meanwhile. */
    LoopDocument withCheckInMissed(CheckInMissedEvent missed) {
        CheckIn current = checkIn(missed.scheduledFor());
        if (current != null && current.heldAt() != null) {
            return this;
        }
        return withCheckIn(new CheckIn(missed.scheduledFor(), "missed", null, null));
    }

    /**
     * The loop as of {@code now}, as it is answered: a check-in still planned whose day plus the tolerance
     * passed reads missed, an action still open past its due date reads overdue, before the platform
     * records either ({@link DueDates}); a backfill's old dates read right at once. The stored document
     * keeps what the events said, so that a held check-in or an ended action arriving later is told
     * in time or late by the events alone.
     */
    LoopDocument asOf(Instant now, Duration checkInTolerance) {
        Parts parts = parts();
        parts.checkIns = checkIns.stream().map(checkIn -> checkIn.status().equals("planned")
                && !DueDates.checkInMissedAt(checkIn.scheduledFor(), checkInTolerance).isAfter(now)
                ? new CheckIn(checkIn.scheduledFor(), "missed", null, null) : checkIn).toList();
        parts.actions = actions.stream().map(action -> action.status().equals("open") && !action.overdue()
                && !DueDates.actionOverdueAt(action.dueDate()).isAfter(now)
                ? new ActionRef(action.actionId(), action.reviewId(), action.owner(), action.dueDate(),
                        action.assignedAt(), action.status(), action.endedAt(), true, action.sequence())
                : action).toList();
        return parts.document();
    }

    private CheckIn checkIn(LocalDate date) {
        return checkIns.stream().filter(checkIn -> checkIn.scheduledFor().equals(date)).findFirst().orElse(null);
    }

    private LoopDocument withCheckIn(CheckIn checkIn) {
        List<CheckIn> changed = new ArrayList<>(checkIns.stream()
                .filter(other -> !other.scheduledFor().equals(checkIn.scheduledFor())).toList());
        changed.add(checkIn);
        changed.sort(Comparator.comparing(CheckIn::scheduledFor));
        Parts parts = parts();
        parts.checkIns = List.copyOf(changed);
        return parts.document();
    }

    /** The planned dates, keeping what is already known of each (a decision re-applied on a replay). */
    private List<CheckIn> planned(DecisionMadeEvent made) {
        List<CheckIn> all = new ArrayList<>(checkIns);
        for (LocalDate date : made.checkInDates()) {
            if (all.stream().noneMatch(checkIn -> checkIn.scheduledFor().equals(date))) {
                all.add(new CheckIn(date, "planned", null, null));
            }
        }
        all.sort(Comparator.comparing(CheckIn::scheduledFor));
        return List.copyOf(all);
    }

    LoopDocument withLesson(LessonRecordedEvent recorded) {
        if (retractedStep(LESSON_RECORDED, recorded.lessonId())) {
            return this;
        }
        Parts parts = parts();
        parts.lessons = upsert(lessons, new LessonRef(recorded.lessonId(), recorded.occurredAt(), recorded.orgUnit(),
                recorded.reviewIds(), recorded.themes(), recorded.extractionPractice().wireName()), LessonRef::lessonId);
        return parts.document();
    }

    /** The change closes this loop when one of its lessons came from here, and/or it is this decision. */
    LoopDocument withBehaviorChange(BehaviorChangedEvent changed) {
        if (retractedStep(BEHAVIOR_CHANGED, changed.behaviorChangeId())) {
            return this;
        }
        var change = new BehaviorChangeRef(changed.behaviorChangeId(), changed.occurredAt(), changed.decisionId(),
                changed.lessonIds(), changed.orgUnit());
        Parts parts = parts();
        if (changed.lessonDecisionIds().contains(decisionId)) {
            parts.behaviorChanges = upsert(behaviorChanges, change, BehaviorChangeRef::behaviorChangeId);
        }
        if (changed.decisionId().equals(decisionId)) {
            parts.appliedChanges = upsert(appliedChanges, change, BehaviorChangeRef::behaviorChangeId);
        }
        return parts.document();
    }

    LoopDocument withReview(ReviewHeldEvent held) {
        if (retractedStep(REVIEW_HELD, held.reviewId())) {
            return this;
        }
        var review = new ReviewRef(held.reviewId(), held.occurredAt(), held.kind().wireName(), held.facilitated(),
                held.blameless(), held.participantCount(),
                held.rootCauses().stream().map(RootCause::theme).distinct().sorted().toList(), held.orgUnit());
        Parts parts = parts();
        parts.reviews = upsert(reviews, review, ReviewRef::reviewId);
        return parts.document();
    }

    /** Assigned, or amended: an amended assignment keeps what happened to the action since. */
    LoopDocument withActionAssigned(ActionAssignedEvent assigned, long sequence) {
        if (retractedStep(ACTION_ASSIGNED, assigned.actionId())) {
            return this;
        }
        return withAction(assigned.actionId(), sequence, current -> new ActionRef(assigned.actionId(),
                assigned.reviewId(), assigned.owner(), assigned.dueDate(), assigned.occurredAt(),
                current == null ? "open" : current.status(), current == null ? null : current.endedAt(),
                current != null && current.overdue(), sequence));
    }

    LoopDocument withActionEnded(String actionId, String status, Instant endedAt, long sequence) {
        return withAction(actionId, sequence, current -> current == null ? null : new ActionRef(actionId,
                current.reviewId(), current.owner(), current.dueDate(), current.assignedAt(), status, endedAt,
                current.overdue(), sequence));
    }

    LoopDocument withActionOverdue(String actionId, long sequence) {
        return withAction(actionId, sequence, current -> current == null ? null : new ActionRef(actionId,
                current.reviewId(), current.owner(), current.dueDate(), current.assignedAt(), current.status(),
                current.endedAt(), true, sequence));
    }

    LoopDocument withLessonShared(LessonSharedEvent shared) {
        if (retractedStep(LESSON_RECORDED, shared.lessonId())) {
            return this;
        }
        Parts parts = parts();
        parts.lessonShares = upsert(lessonShares, new LessonShare(shared.lessonId(), shared.sharedWithOrgUnit(),
                shared.occurredAt()), s -> s.lessonId() + " " + s.sharedWithOrgUnit());
        return parts.document();
    }

    /** Notes the amendment; the projection applies its correction as the step itself. */
    LoopDocument withAmendment(StepAmendedEvent amended) {
        Parts parts = parts();
        parts.corrections = upsert(corrections, new Correction(amended.eventId(), "amended", amended.stepId(),
                EventTypes.name(amended.correction().getClass()), null, amended.reason(), amended.occurredAt()),
                Correction::eventId);
        return parts.document();
    }

    /** Removes the retracted step's part and keeps the retraction as its tombstone. */
    LoopDocument withRetraction(StepRetractedEvent retraction) {
        Parts parts = parts();
        parts.corrections = upsert(corrections, new Correction(retraction.eventId(), "retracted",
                retraction.stepId(), retraction.retractedEventType(), retraction.retractedEventId(),
                retraction.reason(), retraction.occurredAt()), Correction::eventId);
        if (outcome != null && outcome.eventId().equals(retraction.retractedEventId())) {
            parts.outcome = null;
        }
        parts.lessons = without(lessons, LessonRef::lessonId, parts, LESSON_RECORDED);
        parts.lessonShares = without(lessonShares, LessonShare::lessonId, parts, LESSON_RECORDED);
        parts.reviews = without(reviews, ReviewRef::reviewId, parts, REVIEW_HELD);
        parts.actions = without(actions, ActionRef::actionId, parts, ACTION_ASSIGNED);
        parts.behaviorChanges = without(behaviorChanges, BehaviorChangeRef::behaviorChangeId, parts, BEHAVIOR_CHANGED);
        parts.appliedChanges = without(appliedChanges, BehaviorChangeRef::behaviorChangeId, parts, BEHAVIOR_CHANGED);
        return parts.document();
    }

    private static <T> List<T> without(List<T> list, Function<T, String> id, Parts parts, String eventType) {
        return list.stream().filter(part -> !retracted(parts.corrections, eventType, id.apply(part))).toList();
    }

    /**
     * An action's events come from one aggregate, in order; a replayed older one (lower sequence) is
     * ignored. A completion read before its assignment (not possible on one partition) is kept for later.
     */
    private LoopDocument withAction(String actionId, long sequence, Function<ActionRef, ActionRef> change) {
        ActionRef current = actions.stream().filter(a -> a.actionId().equals(actionId)).findFirst().orElse(null);
        if (current != null && current.sequence() >= sequence) {
            return this;
        }
        ActionRef changed = change.apply(current);
        if (changed == null) {
            return this;
        }
        Parts parts = parts();
        parts.actions = upsert(actions, changed, ActionRef::actionId);
        return parts.document();
    }

    private boolean retractedStep(String eventType, String stepId) {
        return retracted(corrections, eventType, stepId);
    }

    /** A tombstone of the step: ids are never reused, so the step id and its event type name it. */
    private static boolean retracted(List<Correction> corrections, String eventType, String stepId) {
        return corrections.stream().anyMatch(c -> c.kind().equals("retracted")
                && c.stepEventType().equals(eventType) && c.stepId().equals(stepId));
    }

    private boolean retractedEvent(String eventId) {
        return corrections.stream().anyMatch(c -> eventId.equals(c.retractedEventId()));
    }

    private Parts parts() {
        return new Parts(this);
    }

    /**
     * The parts of a loop, as every change sets them; {@link #document()} derives the stage fields
     * from them, so that those can never disagree with the parts.
     */
    /** The decision's own fields, as its event states them: absent while only later steps arrived. */
    private record Decided(String orgUnit, String category, String title, String expectedOutcome,
                           Double confidence, LocalDate reviewBy, List<String> informedByLessonIds,
                           List<String> leadingIndicators, List<String> uncertainties, String actor, String sourceTool,
                           Instant decidedAt) {

        static final Decided NONE = new Decided(null, null, null, null, null, null, List.of(), List.of(), List.of(),
                null, null, null);

        static Decided of(DecisionMadeEvent made) {
            return new Decided(made.orgUnit(), made.category().wireName(), made.title(), made.expectedOutcome(),
                    made.confidence(), made.reviewBy(), made.informedByLessonIds(), made.leadingIndicators(),
                    made.uncertainties(), made.actor(), made.sourceTool(), made.occurredAt());
        }

        static Decided of(LoopDocument loop) {
            return new Decided(loop.orgUnit, loop.category, loop.title, loop.expectedOutcome, loop.confidence,
                    loop.reviewBy, loop.informedByLessonIds, loop.leadingIndicators, loop.uncertainties, loop.actor,
                    loop.sourceTool, loop.decidedAt);
        }

        List<String> orgUnitPath() {
            return orgUnit == null ? List.of() : OrgUnits.selfAndAncestors(orgUnit);
        }
    }

    /**
     * The parts of a loop, as every change sets them; {@link #document()} derives the stage fields
     * from them, so that those can never disagree with the parts.
     */
    private static final class Parts {
        final String decisionId;
        Decided decision = Decided.NONE;
        Long decisionSequence;
        Outcome outcome;
        List<LessonRef> lessons = List.of();
        List<BehaviorChangeRef> behaviorChanges = List.of();
        List<BehaviorChangeRef> appliedChanges = List.of();
        List<ReviewRef> reviews = List.of();
        List<ActionRef> actions = List.of();
        List<LessonShare> lessonShares = List.of();
        List<CheckIn> checkIns = List.of();
        List<Correction> corrections = List.of();

        Parts(String decisionId) {
            this.decisionId = decisionId;
        }

        Parts(LoopDocument document) {
            this(document.decisionId);
            decision = Decided.of(document);
            decisionSequence = document.decisionSequence;
            outcome = document.outcome;
            lessons = document.lessons;
            behaviorChanges = document.behaviorChanges;
            appliedChanges = document.appliedChanges;
            reviews = document.reviews;
            actions = document.actions;
            lessonShares = document.lessonShares;
            checkIns = document.checkIns;
            corrections = document.corrections;
        }

        LoopDocument document() {
            boolean retracted = retracted(corrections, DECISION_MADE, decisionId);
            Instant decidedAt = decision.decidedAt();
            Instant observedAt = outcome == null ? null : outcome.observedAt();
            Instant firstLesson = earliest(lessons.stream().map(LessonRef::recordedAt).toList());
            Instant firstLessonAfterOutcome = observedAt == null ? null : earliest(lessons.stream()
                    .map(LessonRef::recordedAt).filter(at -> !at.isBefore(observedAt)).toList());
            Instant firstChange = earliest(behaviorChanges.stream().map(BehaviorChangeRef::changedAt).toList());
            Latency latency = new Latency(days(decidedAt, observedAt), days(observedAt, firstLessonAfterOutcome),
                    days(decidedAt, firstChange));
            TreeSet<String> appliedLessons = new TreeSet<>();
            appliedChanges.forEach(change -> appliedLessons.addAll(change.lessonIds()));
            List<String> appliedIn = appliedChanges.stream().map(BehaviorChangeRef::behaviorChangeId).sorted().toList();
            Decided d = decision;
            return new LoopDocument(decisionId, d.orgUnit(), d.orgUnitPath(), d.category(), d.title(),
                    d.expectedOutcome(), d.confidence(), d.reviewBy(), d.informedByLessonIds(), d.leadingIndicators(),
                    d.uncertainties(), !d.uncertainties().isEmpty(), d.actor(), d.sourceTool(), decidedAt,
                    decisionSequence, outcome, lessons, behaviorChanges, List.copyOf(appliedLessons), appliedIn,
                    reviews, actions, lessonShares, checkIns, stage(retracted, decidedAt), lessons.size(),
                    behaviorChanges.size(), reviews.size(), countActions(), countCheckIns(), firstLesson, firstChange,
                    latency, appliedChanges, corrections, retracted);
        }

        private String stage(boolean retracted, Instant decidedAt) {
            if (retracted) {
                return "retracted";
            }
            if (decidedAt == null) {
                return "pending"; // a later step arrived before the decision itself
            }
            if (!behaviorChanges.isEmpty()) {
                return "behavior-changed";
            }
            if (!lessons.isEmpty()) {
                return "lesson-learned";
            }
            return outcome != null ? "outcome-observed" : "decided";
        }

        private CheckInCounts countCheckIns() {
            int held = (int) checkIns.stream().filter(c -> c.status().equals("held")).count();
            int missed = (int) checkIns.stream().filter(c -> c.status().equals("missed")).count();
            int late = (int) checkIns.stream().filter(c -> c.status().equals("held-late")).count();
            return new CheckInCounts(checkIns.size(), held, missed, late);
        }

        private ActionCounts countActions() {
            int completed = (int) actions.stream().filter(a -> a.status().equals("completed")).count();
            int dropped = (int) actions.stream().filter(a -> a.status().equals("dropped")).count();
            return new ActionCounts(actions.size(), completed, dropped, actions.size() - completed - dropped,
                    (int) actions.stream().filter(ActionRef::overdue).count());
        }
    }

    private static Double days(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to).toMillis() / MILLIS_PER_DAY;
    }

    private static Instant earliest(List<Instant> instants) {
        return instants.stream().min(Comparator.naturalOrder()).orElse(null);
    }

    /** Adds or replaces by key, sorted by key: the same parts in any arrival order give an equal list. */
    private static <T> List<T> upsert(List<T> parts, T part, Function<T, String> key) {
        List<T> result = new ArrayList<>(parts.stream().filter(p -> !key.apply(p).equals(key.apply(part))).toList());
        result.add(part);
        result.sort(Comparator.comparing(key));
        return List.copyOf(result);
    }
}
