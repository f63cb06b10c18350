package io.learningloop.analytics.metrics;

import io.learningloop.analytics.metrics.Reports.Calibration;
import io.learningloop.analytics.metrics.Reports.CheckInDiscipline;
import io.learningloop.analytics.metrics.Reports.FollowThrough;
import io.learningloop.analytics.metrics.Reports.Safety;
import io.learningloop.analytics.metrics.Reports.Spread;
import io.learningloop.analytics.metrics.Withholding.Gate;
import io.learningloop.contract.events.Assessment;
import io.learningloop.contract.events.ReportedBy;
import io.learningloop.readmodel.LessonDocument;
import io.learningloop.readmodel.LoopDocument;
import io.learningloop.readmodel.LoopDocument.ActionRef;
import io.learningloop.readmodel.LoopDocument.CheckIn;
import io.learningloop.readmodel.LoopDocument.Outcome;
import io.learningloop.readmodel.LoopDocument.ReviewRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The habits that tell a learning practice from a ritual, counted over a cohort's loop and lesson
 * documents (as the projections store them, cut to the parts counted here). A review or an action may
 * cover several decisions and so appear in several loops: they are counted once, by id. Every rate is
 * {@code null} without a case to divide by, and every figure over fewer people than the reader may see
 * is withheld ({@link Withholding}: the people are those the figure describes). Whether a date passed is a fact of business time, told
 * {@link AsOf} the answer's moment.
 */
final class PracticeSignals {

    /** Outcomes that met what the decision expected: the "hits" calibration compares confidence with. */
    static final Set<Assessment> HITS = EnumSet.of(Assessment.BETTER_THAN_EXPECTED, Assessment.AS_EXPECTED);

    static final Set<Assessment> BAD_OUTCOMES = EnumSet.of(Assessment.WORSE_THAN_EXPECTED, Assessment.FAILED);

    private PracticeSignals() {}

    /** Check-ins still planned whose day plus the tolerance passed by {@code asOf} count as missed. */
    static CheckInDiscipline checkIns(List<LoopDocument> loops, AsOf asOf, Withholding withholding) {
        long planned = 0;
        long inTime = 0;
        long late = 0;
        long missed = 0;
        List<String> planners = new ArrayList<>();
        List<String> dueOnes = new ArrayList<>();
        for (LoopDocument loop : loops) {
            for (CheckIn checkIn : loop.checkIns()) {
                planned++;
                planners.add(loop.actor());
                boolean due = switch (checkIn.status()) {
                    case HELD -> {
                        inTime++;
                        yield true;
                    }
                    case HELD_LATE -> {
                        late++;
                        yield true;
                    }
                    case MISSED -> {
                        missed++;
                        yield true;
                    }
                    case PLANNED -> {
                        boolean passed = asOf.checkInMissed(checkIn.scheduledFor());
                        missed += passed ? 1 : 0;
                        yield passed;
                    }
                };
                if (due) {
                    dueOnes.add(loop.actor());
                }
            }
        }
        long due = inTime + late + missed;
        Gate allPlanned = withholding.over(planners, "checkIns.planned");
        Gate allDue = withholding.over(
                dueOnes,
                "checkIns.due",
                "checkIns.heldInTime",
                "checkIns.heldLate",
                "checkIns.missed",
                "checkIns.inTimeRate",
                "checkIns.heldRate");
        return new CheckInDiscipline(
                allPlanned.value(planned),
                allDue.value(due),
                allDue.value(inTime),
                allDue.value(late),
                allDue.value(missed),
                allDue.rate("checkIns.inTimeRate", inTime, due),
                allDue.rate("checkIns.heldRate", inTime + late, due));
    }

    /**
     * Actions still open whose due date passed by {@code asOf} count as overdue. The people are the
     * actions' owners: whose follow-through the figures measure.
     */
    static FollowThrough followThrough(List<LoopDocument> loops, AsOf asOf, Withholding withholding) {
        Collection<ActionRef> actions = unique(loops, LoopDocument::actions, ActionRef::actionId);
        long completed = 0;
        long completedLate = 0;
        long dropped = 0;
        long openOverdue = 0;
        for (ActionRef action : actions) {
            switch (action.status()) {
                case COMPLETED -> {
                    completed++;
                    completedLate += action.overdue() ? 1 : 0;
                }
                case DROPPED -> dropped++;
                case OPEN -> openOverdue += action.overdue() || asOf.actionOverdue(action.dueDate()) ? 1 : 0;
            }
        }
        long assigned = actions.size();
        Gate owners = withholding.over(
                actions.stream().map(ActionRef::owner).toList(),
                "followThrough.assigned",
                "followThrough.completed",
                "followThrough.completedLate",
                "followThrough.dropped",
                "followThrough.open",
                "followThrough.openOverdue",
                "followThrough.completionRate",
                "followThrough.inTimeRate");
        return new FollowThrough(
                owners.value(assigned),
                owners.value(completed),
                owners.value(completedLate),
                owners.value(dropped),
                owners.value(assigned - completed - dropped),
                owners.value(openOverdue),
                owners.rate("followThrough.completionRate", completed, assigned),
                owners.rate("followThrough.inTimeRate", completed - completedLate, assigned));
    }

    /** Each rate over its own decisions: all of them, those with a known reporter, those with a bad outcome, those reviewed. */
    static Safety safety(List<LoopDocument> loops, Withholding withholding) {
        long decisions = loops.size();
        long uncertaintyStated =
                loops.stream().filter(LoopDocument::uncertaintyStated).count();
        long reported = 0;
        long selfReported = 0;
        long bad = 0;
        long badSelfReported = 0;
        List<String> reporters = new ArrayList<>();
        List<String> badOnes = new ArrayList<>();
        for (LoopDocument loop : loops) {
            Outcome outcome = loop.outcome();
            if (outcome == null || outcome.reportedBy() == null || outcome.reportedBy() == ReportedBy.UNKNOWN) {
                continue; // no outcome yet, or not asked (older outcomes)
            }
            boolean self = outcome.reportedBy() == ReportedBy.DECISION_OWNER;
            reported++;
            selfReported += self ? 1 : 0;
            reporters.add(loop.actor());
            if (BAD_OUTCOMES.contains(outcome.assessment())) {
                bad++;
                badSelfReported += self ? 1 : 0;
                badOnes.add(loop.actor());
            }
        }
        Collection<ReviewRef> reviews = unique(loops, LoopDocument::reviews, ReviewRef::reviewId);
        long blameless = reviews.stream().filter(ReviewRef::blameless).count();
        long facilitated = reviews.stream().filter(ReviewRef::facilitated).count();
        Gate all = withholding.over(actors(loops), "safety.decisions", "safety.uncertaintyStatedRate");
        Gate known = withholding.over(reporters, "safety.outcomesWithReporter", "safety.selfReportedRate");
        Gate badOutcomes = withholding.over(badOnes, "safety.badOutcomes", "safety.badOutcomesSelfReportedRate");
        Gate reviewed = withholding.over(
                actors(loops.stream().filter(loop -> !loop.reviews().isEmpty()).toList()),
                "safety.reviews",
                "safety.blamelessRate",
                "safety.facilitatedRate");
        return new Safety(
                all.value(decisions),
                all.rate("safety.uncertaintyStatedRate", uncertaintyStated, decisions),
                known.value(reported),
                known.rate("safety.selfReportedRate", selfReported, reported),
                badOutcomes.value(bad),
                badOutcomes.rate("safety.badOutcomesSelfReportedRate", badSelfReported, bad),
                reviewed.value((long) reviews.size()),
                reviewed.rate("safety.blamelessRate", blameless, reviews.size()),
                reviewed.rate("safety.facilitatedRate", facilitated, reviews.size()));
    }

    /**
     * Over the decisions with a confidence and an outcome: each gives its confidence c and hit h (1 when
     * the outcome met what was expected); overconfidence is the mean of c - h, the Brier score the mean of
     * (c - h)^2, so that each is a mean of per-decision values with its own interval.
     */
    static Calibration calibration(List<LoopDocument> loops, Withholding withholding) {
        List<Double> confidences = new ArrayList<>();
        List<Double> misses = new ArrayList<>();
        List<Double> squaredErrors = new ArrayList<>();
        long hits = 0;
        List<String> judgedOnes = new ArrayList<>();
        for (LoopDocument loop : loops) {
            if (loop.outcome() == null || loop.confidence() == null) {
                continue;
            }
            double stated = loop.confidence();
            int hit = HITS.contains(loop.outcome().assessment()) ? 1 : 0;
            confidences.add(stated);
            misses.add(stated - hit);
            squaredErrors.add((stated - hit) * (stated - hit));
            hits += hit;
            judgedOnes.add(loop.actor());
        }
        Gate gate = withholding.over(
                judgedOnes,
                "calibration.decisionsJudged",
                "calibration.meanConfidence",
                "calibration.hitRate",
                "calibration.overconfidence",
                "calibration.brierScore");
        long judged = confidences.size();
        return new Calibration(
                gate.value(judged),
                gate.mean("calibration.meanConfidence", confidences),
                gate.rate("calibration.hitRate", hits, judged),
                gate.mean("calibration.overconfidence", misses),
                gate.mean("calibration.brierScore", squaredErrors));
    }

    /** The people are the lessons' recorders. */
    static Spread spread(List<LessonDocument> lessons, Withholding withholding) {
        long shared =
                lessons.stream().filter(lesson -> lesson.sharedCount() > 0).count();
        long changedElsewhere = lessons.stream()
                .filter(lesson -> lesson.behaviorChanges().stream()
                        .anyMatch(change -> !Objects.equals(change.orgUnit(), lesson.orgUnit())))
                .count();
        Gate gate = withholding.over(
                lessons.stream().map(LessonDocument::actor).toList(),
                "spread.lessons",
                "spread.sharedRate",
                "spread.changedElsewhereRate");
        return new Spread(
                gate.value((long) lessons.size()),
                gate.rate("spread.sharedRate", shared, lessons.size()),
                gate.rate("spread.changedElsewhereRate", changedElsewhere, lessons.size()));
    }

    /** The decisions' makers, one per loop: the people most loop figures describe. */
    private static List<String> actors(List<LoopDocument> loops) {
        return loops.stream().map(LoopDocument::actor).toList();
    }

    /** The parts of the loops by id: the first copy of a review or action that several loops hold. */
    private static <T> Collection<T> unique(
            List<LoopDocument> loops, Function<LoopDocument, List<T>> parts, Function<T, String> id) {
        Map<String, T> byId = new LinkedHashMap<>();
        for (LoopDocument loop : loops) {
            for (T part : parts.apply(loop)) {
                byId.putIfAbsent(id.apply(part), part);
            }
        }
        return byId.values();
    }
}
