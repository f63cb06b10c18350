package io.learningloop.query.loops;

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
        Latency latency) {

    /**
     * Documents written by an older version of this projection lack the parts added since; they read
     * as empty, so that the next event upgrades the document instead of failing on it.
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

    private static final double MILLIS_PER_DAY = Duration.ofDays(1).toMillis();

    /** A loop known only by its id, before any of its events arrived. */
    static LoopDocument empty(String decisionId) {
        return new LoopDocument(decisionId, null, List.of(), null, null, null, null, null, List.of(), List.of(),
                List.of(), false, null, null, null, null, null, List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), null, 0, 0, 0, new ActionCounts(0, 0, 0, 0, 0),
                new CheckInCounts(0, 0, 0, 0), null, null, new Latency(null, null, null));
    }

    LoopDocument withDecision(DecisionMadeEvent made, long sequence) {
        if (decisionSequence != null && decisionSequence >= sequence) {
            return this;
        }
        return new LoopDocument(decisionId, made.orgUnit(), OrgUnits.selfAndAncestors(made.orgUnit()),
                made.category().wireName(), made.title(), made.expectedOutcome(), made.confidence(), made.reviewBy(),
                made.informedByLessonIds(), made.leadingIndicators(), made.uncertainties(),
                !made.uncertainties().isEmpty(), made.actor(), made.sourceTool(), made.occurredAt(), sequence, outcome,
                lessons, behaviorChanges, appliedLessonIds, appliedInBehaviorChangeIds, reviews, actions, lessonShares,
                planned(made), null, 0, 0, 0, null, null, null, null, null).derived();
    }

    LoopDocument withOutcome(OutcomeObservedEvent observed, long sequence) {
        if (outcome != null && outcome.sequence() >= sequence) {
            return this;
        }
        Outcome newOutcome = new Outcome(observed.eventId(), observed.occurredAt(), observed.assessment().wireName(),
                observed.summary(), observed.orgUnit(), observed.reportedBy().wireName(), sequence);
        return new LoopDocument(decisionId, orgUnit, orgUnitPath, category, title, expectedOutcome, confidence,
                reviewBy, informedByLessonIds, leadingIndicators, uncertainties, uncertaintyStated, actor, sourceTool,
                decidedAt, decisionSequence, newOutcome, lessons, behaviorChanges, appliedLessonIds,
                appliedInBehaviorChangeIds, reviews, actions, lessonShares, checkIns, null, 0, 0, 0, null, null, null,
                null, null).derived();
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

    private CheckIn checkIn(LocalDate date) {
        return checkIns.stream().filter(checkIn -> checkIn.scheduledFor().equals(date)).findFirst().orElse(null);
    }

    private LoopDocument withCheckIn(CheckIn checkIn) {
        List<CheckIn> changed = new ArrayList<>(checkIns.stream()
                .filter(other -> !other.scheduledFor().equals(checkIn.scheduledFor())).toList());
        changed.add(checkIn);
        changed.sort(Comparator.comparing(CheckIn::scheduledFor));
        return new LoopDocument(decisionId, orgUnit, orgUnitPath, category, title, expectedOutcome, confidence,
                reviewBy, informedByLessonIds, leadingIndicators, uncertainties, uncertaintyStated, actor, sourceTool,
                decidedAt, decisionSequence, outcome, lessons, behaviorChanges, appliedLessonIds,
                appliedInBehaviorChangeIds, reviews, actions, lessonShares, List.copyOf(changed), null, 0, 0, 0, null,
                null, null, null, null).derived();
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
        var lesson = new LessonRef(recorded.lessonId(), recorded.occurredAt(), recorded.orgUnit(), recorded.reviewIds(),
                recorded.themes(), recorded.extractionPractice().wireName());
        return withParts(upsert(lessons, lesson, LessonRef::lessonId), behaviorChanges, appliedLessonIds,
                appliedInBehaviorChangeIds, reviews, actions, lessonShares);
    }

    /** The change closes this loop when one of its lessons came from here, and/or it is this decision. */
    LoopDocument withBehaviorChange(BehaviorChangedEvent changed) {
        List<BehaviorChangeRef> closing = behaviorChanges;
        if (changed.lessonDecisionIds().contains(decisionId)) {
            closing = upsert(behaviorChanges, new BehaviorChangeRef(changed.behaviorChangeId(), changed.occurredAt(),
                    changed.decisionId(), changed.lessonIds(), changed.orgUnit()), BehaviorChangeRef::behaviorChangeId);
        }
        List<String> applied = appliedLessonIds;
        List<String> appliedIn = appliedInBehaviorChangeIds;
        if (changed.decisionId().equals(decisionId)) {
            applied = union(appliedLessonIds, changed.lessonIds());
            appliedIn = union(appliedInBehaviorChangeIds, List.of(changed.behaviorChangeId()));
        }
        return withParts(lessons, closing, applied, appliedIn, reviews, actions, lessonShares);
    }

    LoopDocument withReview(ReviewHeldEvent held) {
        var review = new ReviewRef(held.reviewId(), held.occurredAt(), held.kind().wireName(), held.facilitated(),
                held.blameless(), held.participantCount(),
                held.rootCauses().stream().map(RootCause::theme).distinct().sorted().toList(), held.orgUnit());
        return withParts(lessons, behaviorChanges, appliedLessonIds, appliedInBehaviorChangeIds,
                upsert(reviews, review, ReviewRef::reviewId), actions, lessonShares);
    }

    LoopDocument withActionAssigned(ActionAssignedEvent assigned, long sequence) {
        return withAction(assigned.actionId(), sequence, current -> new ActionRef(assigned.actionId(),
                assigned.reviewId(), assigned.owner(), assigned.dueDate(), assigned.occurredAt(), "open", null, false,
                sequence));
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
        var share = new LessonShare(shared.lessonId(), shared.sharedWithOrgUnit(), shared.occurredAt());
        return withParts(lessons, behaviorChanges, appliedLessonIds, appliedInBehaviorChangeIds, reviews, actions,
                upsert(lessonShares, share, s -> s.lessonId() + " " + s.sharedWithOrgUnit()));
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
        return withParts(lessons, behaviorChanges, appliedLessonIds, appliedInBehaviorChangeIds, reviews,
                upsert(actions, changed, ActionRef::actionId), lessonShares);
    }

    private LoopDocument withParts(List<LessonRef> newLessons, List<BehaviorChangeRef> newChanges,
                                   List<String> newApplied, List<String> newAppliedIn, List<ReviewRef> newReviews,
                                   List<ActionRef> newActions, List<LessonShare> newShares) {
        return new LoopDocument(decisionId, orgUnit, orgUnitPath, category, title, expectedOutcome, confidence,
                reviewBy, informedByLessonIds, leadingIndicators, uncertainties, uncertaintyStated, actor, sourceTool,
                decidedAt, decisionSequence, outcome, newLessons, newChanges, newApplied, newAppliedIn, newReviews,
                newActions, newShares, checkIns, null, 0, 0, 0, null, null, null, null, null).derived();
    }

    /** Recomputes the stage fields from the parts, so they can never disagree with them. */
    private LoopDocument derived() {
        Instant observedAt = outcome == null ? null : outcome.observedAt();
        Instant firstLesson = earliest(lessons.stream().map(LessonRef::recordedAt).toList());
        Instant firstLessonAfterOutcome = observedAt == null ? null : earliest(lessons.stream()
                .map(LessonRef::recordedAt).filter(at -> !at.isBefore(observedAt)).toList());
        Instant firstChange = earliest(behaviorChanges.stream().map(BehaviorChangeRef::changedAt).toList());
        Latency newLatency = new Latency(
                days(decidedAt, observedAt),
                days(observedAt, firstLessonAfterOutcome),
                days(decidedAt, firstChange));
        return new LoopDocument(decisionId, orgUnit, orgUnitPath, category, title, expectedOutcome, confidence,
                reviewBy, informedByLessonIds, leadingIndicators, uncertainties, uncertaintyStated, actor, sourceTool,
                decidedAt, decisionSequence, outcome, lessons, behaviorChanges, appliedLessonIds,
                appliedInBehaviorChangeIds, reviews, actions, lessonShares, checkIns, currentStage(), lessons.size(),
                behaviorChanges.size(), reviews.size(), countActions(), countCheckIns(), firstLesson, firstChange,
                newLatency);
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

    private String currentStage() {
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

    private static List<String> union(List<String> a, List<String> b) {
        TreeSet<String> all = new TreeSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
