package io.learningloop.analytics.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import io.learningloop.analytics.metrics.Reports.Calibration;
import io.learningloop.analytics.metrics.Reports.CheckInDiscipline;
import io.learningloop.analytics.metrics.Reports.FollowThrough;
import io.learningloop.analytics.metrics.Reports.Safety;
import io.learningloop.analytics.metrics.Reports.Spread;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The habits that tell a learning practice from a ritual, counted over a cohort's loop and lesson
 * documents (as the projections store them). A review or an action may cover several decisions and so
 * appear in several loops: they are counted once, by id. Every rate is {@code null} without a case to
 * divide by. Whether a date passed is a fact of business time, told {@link AsOf} the answer's moment.
 */
final class PracticeSignals {

    /** Outcomes that met what the decision expected: the "hits" calibration compares confidence with. */
    static final Set<String> HITS = Set.of("better-than-expected", "as-expected");
    static final Set<String> BAD_OUTCOMES = Set.of("worse-than-expected", "failed");

    private PracticeSignals() {
    }

    /** Check-ins still planned whose day plus the tolerance passed by {@code asOf} count as missed. */
    static CheckInDiscipline checkIns(List<JsonNode> loops, AsOf asOf) {
        long planned = 0;
        long inTime = 0;
        long late = 0;
        long missed = 0;
        for (JsonNode loop : loops) {
            for (JsonNode checkIn : loop.path("checkIns")) {
                planned++;
                switch (checkIn.path("status").asText()) {
                    case "held" -> inTime++;
                    case "held-late" -> late++;
                    case "missed" -> missed++;
                    default -> missed += asOf.checkInMissed(LocalDate.parse(checkIn.path("scheduledFor").asText())) ? 1 : 0;
                }
            }
        }
        long due = inTime + late + missed;
        return new CheckInDiscipline(planned, due, inTime, late, missed, rate(inTime, due), rate(inTime + late, due));
    }

    /** Actions still open whose due date passed by {@code asOf} count as overdue. */
    static FollowThrough followThrough(List<JsonNode> loops, AsOf asOf) {
        Map<String, JsonNode> actions = unique(loops, "actions", "actionId");
        long completed = 0;
        long completedLate = 0;
        long dropped = 0;
        long openOverdue = 0;
        for (JsonNode action : actions.values()) {
            String status = action.path("status").asText();
            boolean overdue = action.path("overdue").asBoolean();
            switch (status) {
                case "completed" -> {
                    completed++;
                    completedLate += overdue ? 1 : 0;
                }
                case "dropped" -> dropped++;
                default -> openOverdue += overdue || asOf.actionOverdue(LocalDate.parse(action.path("dueDate").asText()))
                        ? 1 : 0;
            }
        }
        long assigned = actions.size();
        return new FollowThrough(assigned, completed, completedLate, dropped, assigned - completed - dropped,
                openOverdue, rate(completed, assigned), rate(completed - completedLate, assigned));
    }

    static Safety safety(List<JsonNode> loops) {
        long decisions = loops.size();
        long uncertaintyStated = loops.stream().filter(loop -> loop.path("uncertaintyStated").asBoolean()).count();
        long reported = 0;
        long selfReported = 0;
        long bad = 0;
        long badSelfReported = 0;
        for (JsonNode loop : loops) {
            String reportedBy = loop.path("outcome").path("reportedBy").asText("");
            if (!reportedBy.equals("decision-owner") && !reportedBy.equals("others")) {
                continue; // not asked (older outcomes) or no outcome yet
            }
            boolean self = reportedBy.equals("decision-owner");
            reported++;
            selfReported += self ? 1 : 0;
            if (BAD_OUTCOMES.contains(loop.path("outcome").path("assessment").asText())) {
                bad++;
                badSelfReported += self ? 1 : 0;
            }
        }
        Map<String, JsonNode> reviews = unique(loops, "reviews", "reviewId");
        long blameless = reviews.values().stream().filter(review -> review.path("blameless").asBoolean()).count();
        long facilitated = reviews.values().stream().filter(review -> review.path("facilitated").asBoolean()).count();
        return new Safety(decisions, rate(uncertaintyStated, decisions), reported, rate(selfReported, reported), bad,
                rate(badSelfReported, bad), reviews.size(), rate(blameless, reviews.size()),
                rate(facilitated, reviews.size()));
    }

    static Calibration calibration(List<JsonNode> loops) {
        long judged = 0;
        double confidence = 0;
        long hits = 0;
        double squaredError = 0;
        for (JsonNode loop : loops) {
            JsonNode outcome = loop.path("outcome");
            if (outcome.isMissingNode() || outcome.isNull() || !loop.path("confidence").isNumber()) {
                continue;
            }
            double stated = loop.path("confidence").asDouble();
            int hit = HITS.contains(outcome.path("assessment").asText()) ? 1 : 0;
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

    static Spread spread(List<JsonNode> lessons) {
        long shared = lessons.stream().filter(lesson -> lesson.path("sharedCount").asLong() > 0).count();
        long changedElsewhere = 0;
        for (JsonNode lesson : lessons) {
            String own = lesson.path("orgUnit").asText();
            for (JsonNode change : lesson.path("behaviorChanges")) {
                if (!change.path("orgUnit").asText().equals(own)) {
                    changedElsewhere++;
                    break;
                }
            }
        }
        return new Spread(lessons.size(), rate(shared, lessons.size()), rate(changedElsewhere, lessons.size()));
    }

    /** The parts of the loops by id: the first copy of a review or action that several loops hold. */
    private static Map<String, JsonNode> unique(List<JsonNode> loops, String parts, String idField) {
        Map<String, JsonNode> byId = new HashMap<>();
        for (JsonNode loop : loops) {
            for (JsonNode part : loop.path(parts)) {
                byId.putIfAbsent(part.path(idField).asText(), part);
            }
        }
        return byId;
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
