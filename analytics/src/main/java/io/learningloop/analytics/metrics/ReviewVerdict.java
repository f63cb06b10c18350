package io.learningloop.analytics.metrics;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a review was a learning practice or a ritual, and why: the rule of docs/metrics.md ("Ritual
 * reviews"), in one place.
 *
 * <ul>
 *   <li><b>practice</b>: it named root causes, assigned actions and every one of them was completed, and a
 *       lesson drawn from it changed a later decision. Known as soon as all three are true.
 *   <li><b>ritual</b>: the settling window after it passed, and none of its lessons changed a decision and
 *       none of its actions was completed: it changed nothing.
 *   <li><b>partial</b>: settled, some of the practice but not all of it.
 *   <li><b>pending</b>: not a practice yet, and still inside its settling window.
 * </ul>
 *
 * Why a window: a lesson needs time to meet the next decision it can change; judging a review held last
 * week a ritual would call every recent review one.
 */
public record ReviewVerdict(Verdict verdict, List<String> reasons, LocalDate settlesOn) {

    public enum Verdict {
        PRACTICE,
        RITUAL,
        PARTIAL,
        PENDING;

        @JsonValue
        public String wireName() {
            return name().toLowerCase();
        }

        /** Practice, ritual and partial are final; pending is not judged yet. */
        public boolean judged() {
            return this != PENDING;
        }
    }

    public static ReviewVerdict of(ReviewFacts review, Instant now, Duration settlingWindow) {
        Instant settles = review.heldAt().plus(settlingWindow);
        boolean settled = !now.isBefore(settles);
        boolean changedADecision = !review.changedDecisions().isEmpty();
        boolean actionsDone = review.actionsAssigned() > 0 && review.actionsCompleted() == review.actionsAssigned();
        List<String> reasons = new ArrayList<>();
        reasons.add(
                review.rootCausesNamed()
                        ? "named root causes (" + String.join(", ", review.rootCauseThemes()) + ")"
                        : "named no root cause");
        reasons.add(
                review.actionsAssigned() == 0
                        ? "assigned no action"
                        : review.actionsCompleted() + " of " + review.actionsAssigned() + " actions completed");
        reasons.add(lessonsReason(review));
        Verdict verdict;
        if (review.rootCausesNamed() && actionsDone && changedADecision) {
            verdict = Verdict.PRACTICE;
        } else if (!settled) {
            verdict = Verdict.PENDING;
        } else if (!changedADecision && review.actionsCompleted() == 0) {
            verdict = Verdict.RITUAL;
        } else {
            verdict = Verdict.PARTIAL;
        }
        return new ReviewVerdict(verdict, List.copyOf(reasons), LocalDate.ofInstant(settles, ZoneOffset.UTC));
    }

    private static String lessonsReason(ReviewFacts review) {
        int lessons = review.lessonIds().size();
        if (lessons == 0) {
            return "no lesson drawn from it";
        }
        int changed = review.changedDecisions().size();
        if (changed == 0) {
            return lessons == 1
                    ? "its lesson changed no decision"
                    : "none of its " + lessons + " lessons changed a decision";
        }
        // The changed decisions are not named: they may lie in units the reader may not see.
        return changed + " of " + lessons + (lessons == 1 ? " lesson" : " lessons") + " changed a later decision";
    }
}
