package io.learningloop.analytics.metrics;

import io.learningloop.analytics.metrics.Reports.Calibration;
import io.learningloop.analytics.metrics.Reports.CheckInDiscipline;
import io.learningloop.analytics.metrics.Reports.FollowThrough;
import io.learningloop.analytics.metrics.Reports.Safety;
import io.learningloop.analytics.metrics.Reports.Spread;
import io.learningloop.contract.events.Assessment;
import io.learningloop.contract.events.ReportedBy;
import io.learningloop.readmodel.LessonDocument;
import io.learningloop.readmodel.LoopDocument;
import io.learningloop.readmodel.LoopDocument.ActionRef;
import io.learningloop.readmodel.LoopDocument.CheckIn;
import io.learningloop.readmodel.LoopDocument.Outcome;
import io.learningloop.readmodel.LoopDocument.ReviewRef;
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
 * {@code null} without a case to divide by. Whether a date passed is a fact of business time, told
 * {@link AsOf} the answer's moment.
 */
final class PracticeSignals {

    /** Outcomes that met what the decision expected: the "hits" calibration compares confidence with. */
    static final Set<Assessment> HITS = EnumSet.of(Assessment.BETTER_THAN_EXPECTED, Assessment.AS_EXPECTED);

    static final Set<Assessment> BAD_OUTCOMES = EnumSet.of(Assessment.WORSE_THAN_EXPECTED, Assessment.FAILED);

    private PracticeSignals() {}

    /** Check-ins still planned whose day plus the tolerance passed by {@code asOf} count as missed. */
    static CheckInDiscipline checkIns(List<LoopDocument> loops, AsOf asOf) {
        long planned = 0;
        long inTime = 0;
        long late = 0;
        long missed = 0;
        for (LoopDocument loop : loops) {
            for (CheckIn checkIn : loop.checkIns()) {
                planned++;
                switch (checkIn.status()) {
                    case HELD -> inTime++;
                    case HELD_LATE -> late++;
                    case MISSED -> missed++;
                    case PLANNED -> missed += asOf.checkInMissed(checkIn.scheduledFor()) ? 1 : 0;
                }
            }
        }
        long due = inTime + late + missed;
        return new CheckInDiscipline(planned, due, inTime, late, missed, rate(inTime, due), rate(inTime + late, due));
    }

    /** Actions still open whose due date passed by {@code asOf} count as overdue. */
    static FollowThrough followThrough(List<LoopDocument> loops, AsOf asOf) {
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
        return new FollowThrough(
                assigned,
                completed,
                completedLate,
                dropped,
                assigned - completed - dropped,
                openOverdue,
                rate(completed, assigned),
                rate(completed - completedLate, assigned));
    }

    static Safety safety(List<LoopDocument> loops) {
        long decisions = loops.size();
        long uncertaintyStated =
                loops.stream().filter(LoopDocument::uncertaintyStated).count();
        long reported = 0;
        long selfReported = 0;
        long bad = 0;
        long badSelfReported = 0;
        for (LoopDocument loop : loops) {
            Outcome outcome = loop.outcome();
            if (outcome == null || outcome.reportedBy() == null || outcome.reportedBy() == ReportedBy.UNKNOWN) {
                continue; // no outcome yet, or not asked (older outcomes)
            }
            boolean self = outcome.reportedBy() == ReportedBy.DECISION_OWNER;
            reported++;
            selfReported += self ? 1 : 0;
            if (BAD_OUTCOMES.contains(outcome.assessment())) {
                bad++;
                badSelfReported += self ? 1 : 0;
            }
        }
        Collection<ReviewRef> reviews = unique(loops, LoopDocument::reviews, ReviewRef::reviewId);
        long blameless = reviews.stream().filter(ReviewRef::blameless).count();
        long facilitated = reviews.stream().filter(ReviewRef::facilitated).count();
        return new Safety(
                decisions,
                rate(uncertaintyStated, decisions),
                reported,
                rate(selfReported, reported),
                bad,
                rate(badSelfReported, bad),
                reviews.size(),
                rate(blameless, reviews.size()),
                rate(facilitated, reviews.size()));
    }

    static Calibration calibration(List<LoopDocument> loops) {
        long judged = 0;
        double confidence = 0;
        long hits = 0;
        double squaredError = 0;
        for (LoopDocument loop : loops) {
            if (loop.outcome() == null || loop.confidence() == null) {
                continue;
            }
            double stated = loop.confidence();
            int hit = HITS.contains(loop.outcome().assessment()) ? 1 : 0;
            judged++;
            confidence += stated;
            hits += hit;
            squaredError += (stated - hit) * (stated - hit);
        }
        if (judged == 0) {
            return new Calibration(0, null, null, null, null);
        }
        double meanConfidence = confidence / judged;
        double hitRate = (double) hits / judged;
        return new Calibration(judged, meanConfidence, hitRate, meanConfidence - hitRate, squaredError / judged);
    }

    static Spread spread(List<LessonDocument> lessons) {
        long shared =
                lessons.stream().filter(lesson -> lesson.sharedCount() > 0).count();
        long changedElsewhere = lessons.stream()
                .filter(lesson -> lesson.behaviorChanges().stream()
                        .anyMatch(change -> !Objects.equals(change.orgUnit(), lesson.orgUnit())))
                .count();
        return new Spread(lessons.size(), rate(shared, lessons.size()), rate(changedElsewhere, lessons.size()));
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

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
