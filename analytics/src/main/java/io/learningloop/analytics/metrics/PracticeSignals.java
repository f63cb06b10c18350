package io.learningloop.analytics.metrics;

import io.learningloop.analytics.metrics.Reports.Calibration;
import io.learningloop.analytics.metrics.Reports.CheckInDiscipline;
import io.learningloop.analytics.metrics.Reports.FollowThrough;
import io.learningloop.analytics.metrics.Reports.Safety;
import io.learningloop.analytics.metrics.Reports.Spread;
import io.learningloop.analytics.metrics.Withholding.Gate;
import io.learningloop.analytics.statistics.Mean;
import io.learningloop.contract.events.Assessment;
import io.learningloop.contract.events.ReportedBy;
import io.learningloop.readmodel.LessonDocument;
import io.learningloop.readmodel.LoopDocument;
import io.learningloop.readmodel.LoopDocument.ActionRef;
import io.learningloop.readmodel.LoopDocument.CheckIn;
import io.learningloop.readmodel.LoopDocument.Outcome;
import io.learningloop.readmodel.LoopDocument.ReviewRef;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * The habits that tell a learning practice from a ritual, counted over a cohort's loop and lesson
 * documents (as the projections store them, cut to the parts counted here), folded one document at a
 * time ({@link Loops}, {@link Lessons}): only counts, the ids of the reviews and actions seen (to count
 * each once) and up to k people per figure are held, never the documents, so a cohort of any size fits. A review or an action may
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

    /**
     * Check-in discipline, follow-through, safety and calibration of a cohort's decisions, one loop at a
     * time (in decision id order: the order of the means' sums, so a mean is the same however it is read).
     * The figures are asked for in that order, each once, after the last loop.
     */
    static final class Loops {
        private final AsOf asOf;
        private final Withholding withholding;

        // check-ins
        private long planned;
        private long inTime;
        private long late;
        private long missed;
        private final Withholding.People planners;
        private final Withholding.People dueOnes;

        // follow-through: each action once, by id (several loops hold the actions of a review of several decisions)
        private final Set<String> actionsSeen = new HashSet<>();
        private long assigned;
        private long completed;
        private long completedLate;
        private long dropped;
        private long openOverdue;
        private final Withholding.People owners;

        // safety
        private long decisions;
        private long uncertaintyStated;
        private long reported;
        private long selfReported;
        private long bad;
        private long badSelfReported;
        private final Set<String> reviewsSeen = new HashSet<>();
        private long reviews;
        private long blameless;
        private long facilitated;
        private final Withholding.People deciders;
        private final Withholding.People reporters;
        private final Withholding.People badOnes;
        private final Withholding.People reviewedOnes;

        // calibration
        private final SummaryStatistics confidences = new SummaryStatistics();
        private final SummaryStatistics misses = new SummaryStatistics();
        private final SummaryStatistics squaredErrors = new SummaryStatistics();
        private long hits;
        private final Withholding.People judgedOnes;

        Loops(AsOf asOf, Withholding withholding) {
            this.asOf = asOf;
            this.withholding = withholding;
            this.planners = withholding.people();
            this.dueOnes = withholding.people();
            this.owners = withholding.people();
            this.deciders = withholding.people();
            this.reporters = withholding.people();
            this.badOnes = withholding.people();
            this.reviewedOnes = withholding.people();
            this.judgedOnes = withholding.people();
        }

        void add(LoopDocument loop) {
            addCheckIns(loop);
            addActions(loop);
            addSafety(loop);
            addCalibration(loop);
        }

        /** Check-ins still planned whose day plus the tolerance passed by {@code asOf} count as missed. */
        private void addCheckIns(LoopDocument loop) {
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

        /**
         * Actions still open whose due date passed by {@code asOf} count as overdue. The people are the
         * actions' owners: whose follow-through the figures measure. The first copy of an action counts.
         */
        private void addActions(LoopDocument loop) {
            for (ActionRef action : loop.actions()) {
                if (!actionsSeen.add(action.actionId())) {
                    continue;
                }
                assigned++;
                owners.add(action.owner());
                switch (action.status()) {
                    case COMPLETED -> {
                        completed++;
                        completedLate += action.overdue() ? 1 : 0;
                    }
                    case DROPPED -> dropped++;
                    case OPEN -> openOverdue += action.overdue() || asOf.actionOverdue(action.dueDate()) ? 1 : 0;
                }
            }
        }

        /** Each rate over its own decisions: all of them, those with a known reporter, those with a bad outcome, those reviewed. */
        private void addSafety(LoopDocument loop) {
            decisions++;
            uncertaintyStated += loop.uncertaintyStated() ? 1 : 0;
            deciders.add(loop.actor());
            Outcome outcome = loop.outcome();
            // no outcome yet, or not asked (older outcomes): no reporter to count
            if (outcome != null && outcome.reportedBy() != null && outcome.reportedBy() != ReportedBy.UNKNOWN) {
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
            if (!loop.reviews().isEmpty()) {
                reviewedOnes.add(loop.actor());
            }
            for (ReviewRef review : loop.reviews()) {
                if (reviewsSeen.add(review.reviewId())) {
                    reviews++;
                    blameless += review.blameless() ? 1 : 0;
                    facilitated += review.facilitated() ? 1 : 0;
                }
            }
        }

        /**
         * Over the decisions with a confidence and an outcome: each gives its confidence c and hit h (1 when
         * the outcome met what was expected); overconfidence is the mean of c - h, the Brier score the mean
         * of (c - h)^2, so that each is a mean of per-decision values with its own interval.
         */
        private void addCalibration(LoopDocument loop) {
            if (loop.outcome() == null || loop.confidence() == null) {
                return;
            }
            double stated = loop.confidence();
            int hit = HITS.contains(loop.outcome().assessment()) ? 1 : 0;
            confidences.addValue(stated);
            misses.addValue(stated - hit);
            squaredErrors.addValue((stated - hit) * (stated - hit));
            hits += hit;
            judgedOnes.add(loop.actor());
        }

        CheckInDiscipline checkIns() {
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

        FollowThrough followThrough() {
            Gate gate = withholding.over(
                    owners,
                    "followThrough.assigned",
                    "followThrough.completed",
                    "followThrough.completedLate",
                    "followThrough.dropped",
                    "followThrough.open",
                    "followThrough.openOverdue",
                    "followThrough.completionRate",
                    "followThrough.inTimeRate");
            return new FollowThrough(
                    gate.value(assigned),
                    gate.value(completed),
                    gate.value(completedLate),
                    gate.value(dropped),
                    gate.value(assigned - completed - dropped),
                    gate.value(openOverdue),
                    gate.rate("followThrough.completionRate", completed, assigned),
                    gate.rate("followThrough.inTimeRate", completed - completedLate, assigned));
        }

        Safety safety() {
            Gate all = withholding.over(deciders, "safety.decisions", "safety.uncertaintyStatedRate");
            Gate known = withholding.over(reporters, "safety.outcomesWithReporter", "safety.selfReportedRate");
            Gate badOutcomes = withholding.over(badOnes, "safety.badOutcomes", "safety.badOutcomesSelfReportedRate");
            Gate reviewed =
                    withholding.over(reviewedOnes, "safety.reviews", "safety.blamelessRate", "safety.facilitatedRate");
            return new Safety(
                    all.value(decisions),
                    all.rate("safety.uncertaintyStatedRate", uncertaintyStated, decisions),
                    known.value(reported),
                    known.rate("safety.selfReportedRate", selfReported, reported),
                    badOutcomes.value(bad),
                    badOutcomes.rate("safety.badOutcomesSelfReportedRate", badSelfReported, bad),
                    reviewed.value(reviews),
                    reviewed.rate("safety.blamelessRate", blameless, reviews),
                    reviewed.rate("safety.facilitatedRate", facilitated, reviews));
        }

        Calibration calibration() {
            Gate gate = withholding.over(
                    judgedOnes,
                    "calibration.decisionsJudged",
                    "calibration.meanConfidence",
                    "calibration.hitRate",
                    "calibration.overconfidence",
                    "calibration.brierScore");
            long judged = confidences.getN();
            return new Calibration(
                    gate.value(judged),
                    gate.mean("calibration.meanConfidence", Mean.of(confidences)),
                    gate.rate("calibration.hitRate", hits, judged),
                    gate.mean("calibration.overconfidence", Mean.of(misses)),
                    gate.mean("calibration.brierScore", Mean.of(squaredErrors)));
        }
    }

    /** Spread of a cohort's lessons, one lesson at a time. The people are the lessons' recorders. */
    static final class Lessons {
        private final Withholding withholding;
        private long lessons;
        private long shared;
        private long changedElsewhere;
        private final Withholding.People recorders;

        Lessons(Withholding withholding) {
            this.withholding = withholding;
            this.recorders = withholding.people();
        }

        void add(LessonDocument lesson) {
            lessons++;
            shared += lesson.sharedCount() > 0 ? 1 : 0;
            changedElsewhere += lesson.behaviorChanges().stream()
                            .anyMatch(change -> !Objects.equals(change.orgUnit(), lesson.orgUnit()))
                    ? 1
                    : 0;
            recorders.add(lesson.actor());
        }

        Spread spread() {
            Gate gate =
                    withholding.over(recorders, "spread.lessons", "spread.sharedRate", "spread.changedElsewhereRate");
            return new Spread(
                    gate.value(lessons),
                    gate.rate("spread.sharedRate", shared, lessons),
                    gate.rate("spread.changedElsewhereRate", changedElsewhere, lessons));
        }
    }

    // One signal over a list of documents: the folds above, fed the list.

    static CheckInDiscipline checkIns(List<LoopDocument> loops, AsOf asOf, Withholding withholding) {
        return fed(loops, asOf, withholding).checkIns();
    }

    static FollowThrough followThrough(List<LoopDocument> loops, AsOf asOf, Withholding withholding) {
        return fed(loops, asOf, withholding).followThrough();
    }

    static Safety safety(List<LoopDocument> loops, Withholding withholding) {
        return fed(loops, NO_DATES, withholding).safety();
    }

    static Calibration calibration(List<LoopDocument> loops, Withholding withholding) {
        return fed(loops, NO_DATES, withholding).calibration();
    }

    /** For the signals no date decides: the fold asks it of check-ins and actions, whose figures are not read. */
    private static final AsOf NO_DATES = new AsOf(Instant.EPOCH, Duration.ZERO);

    static Spread spread(List<LessonDocument> lessons, Withholding withholding) {
        Lessons fold = new Lessons(withholding);
        lessons.forEach(fold::add);
        return fold.spread();
    }

    private static Loops fed(List<LoopDocument> loops, AsOf asOf, Withholding withholding) {
        Loops fold = new Loops(asOf, withholding);
        loops.forEach(fold::add);
        return fold;
    }
}
