package io.learningloop.query.loops;

import io.learningloop.contract.EventTypes;
import io.learningloop.contract.OrgUnits;
import io.learningloop.contract.events.DecisionMadeEvent;
import io.learningloop.readmodel.ActionStatus;
import io.learningloop.readmodel.CheckInStatus;
import io.learningloop.readmodel.LoopDocument;
import io.learningloop.readmodel.LoopDocument.ActionCounts;
import io.learningloop.readmodel.LoopDocument.ActionRef;
import io.learningloop.readmodel.LoopDocument.BehaviorChangeRef;
import io.learningloop.readmodel.LoopDocument.CheckIn;
import io.learningloop.readmodel.LoopDocument.CheckInCounts;
import io.learningloop.readmodel.LoopDocument.Latency;
import io.learningloop.readmodel.LoopDocument.LessonRef;
import io.learningloop.readmodel.LoopStage;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The one place that derives what a loop document holds beyond its parts: stage, counts, first times
 * and latencies, the org-unit path, and the lessons the decision applied. Every write of the projection
 * and every answer "as of now" go through it, so the derived fields can never disagree with the parts.
 */
final class LoopDerivation {

    private static final double MILLIS_PER_DAY = Duration.ofDays(1).toMillis();
    private static final String DECISION_MADE = EventTypes.name(DecisionMadeEvent.class);

    private LoopDerivation() {}

    static LoopDocument document(LoopParts parts) {
        boolean retracted = Corrections.retractedStep(parts, DECISION_MADE, parts.decisionId());
        LoopParts.Decision d = parts.decision();
        Instant decidedAt = d.decidedAt();
        Instant observedAt = parts.outcome() == null ? null : parts.outcome().observedAt();
        List<Instant> lessonTimes =
                parts.lessons().stream().map(LessonRef::recordedAt).toList();
        Instant firstLesson = earliest(lessonTimes);
        Instant firstLessonAfterOutcome = observedAt == null
                ? null
                : earliest(lessonTimes.stream()
                        .filter(at -> !at.isBefore(observedAt))
                        .toList());
        Instant firstChange = earliest(parts.behaviorChanges().stream()
                .map(BehaviorChangeRef::changedAt)
                .toList());
        Latency latency = new Latency(
                days(decidedAt, observedAt), days(observedAt, firstLessonAfterOutcome), days(decidedAt, firstChange));
        TreeSet<String> appliedLessons = new TreeSet<>();
        parts.appliedChanges().forEach(change -> appliedLessons.addAll(change.lessonIds()));
        List<String> appliedIn = parts.appliedChanges().stream()
                .map(BehaviorChangeRef::behaviorChangeId)
                .sorted()
                .toList();
        List<String> orgUnitPath = d.orgUnit() == null ? List.of() : OrgUnits.selfAndAncestors(d.orgUnit());
        return new LoopDocument(
                parts.decisionId(),
                d.orgUnit(),
                orgUnitPath,
                d.category(),
                d.title(),
                d.expectedOutcome(),
                d.confidence(),
                d.reviewBy(),
                d.informedByLessonIds(),
                d.leadingIndicators(),
                d.uncertainties(),
                !d.uncertainties().isEmpty(),
                d.actor(),
                d.sourceTool(),
                decidedAt,
                parts.decisionSequence(),
                parts.outcome(),
                parts.lessons(),
                parts.behaviorChanges(),
                List.copyOf(appliedLessons),
                appliedIn,
                parts.reviews(),
                parts.actions(),
                parts.lessonShares(),
                parts.checkIns(),
                stage(parts, retracted),
                parts.lessons().size(),
                parts.behaviorChanges().size(),
                parts.reviews().size(),
                countActions(parts.actions()),
                countCheckIns(parts.checkIns()),
                firstLesson,
                firstChange,
                latency,
                parts.appliedChanges(),
                parts.corrections(),
                retracted);
    }

    private static LoopStage stage(LoopParts parts, boolean retracted) {
        if (retracted) {
            return LoopStage.RETRACTED;
        }
        if (parts.decision().decidedAt() == null) {
            return LoopStage.PENDING; // a later step arrived before the decision itself
        }
        if (!parts.behaviorChanges().isEmpty()) {
            return LoopStage.BEHAVIOR_CHANGED;
        }
        if (!parts.lessons().isEmpty()) {
            return LoopStage.LESSON_LEARNED;
        }
        return parts.outcome() != null ? LoopStage.OUTCOME_OBSERVED : LoopStage.DECIDED;
    }

    private static CheckInCounts countCheckIns(List<CheckIn> checkIns) {
        return new CheckInCounts(
                checkIns.size(),
                count(checkIns, CheckInStatus.HELD),
                count(checkIns, CheckInStatus.MISSED),
                count(checkIns, CheckInStatus.HELD_LATE));
    }

    private static int count(List<CheckIn> checkIns, CheckInStatus status) {
        return (int)
                checkIns.stream().filter(checkIn -> checkIn.status() == status).count();
    }

    private static ActionCounts countActions(List<ActionRef> actions) {
        int completed = (int) actions.stream()
                .filter(a -> a.status() == ActionStatus.COMPLETED)
                .count();
        int dropped = (int)
                actions.stream().filter(a -> a.status() == ActionStatus.DROPPED).count();
        return new ActionCounts(actions.size(), completed, dropped, actions.size() - completed - dropped, (int)
                actions.stream().filter(ActionRef::overdue).count());
    }

    private static Double days(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to).toMillis() / MILLIS_PER_DAY;
    }

    private static Instant earliest(List<Instant> instants) {
        return instants.stream().min(Comparator.naturalOrder()).orElse(null);
    }
}
