package io.learningloop.analytics.evidence;

import io.learningloop.contract.events.Assessment;
import io.learningloop.contract.events.DecisionCategory;
import io.learningloop.contract.events.ExtractionPractice;
import io.learningloop.contract.events.ReviewKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The evidence answer, as {@code GET /analytics/evidence} returns it (defined in {@code docs/metrics.md}). */
public final class Evidence {

    private Evidence() {}

    /**
     * {@code orgUnit}: the unit asked (null when none was: all the key's units); the learned period is
     * {@code [learnedFrom, learnedTo)}. {@code chains} holds the first {@code limit} chains in their order;
     * {@code truncated} says there are more ({@code totals} always count all of them).
     */
    public record Answer(
            String orgUnit,
            int year,
            LocalDate learnedFrom,
            LocalDate learnedTo,
            String definition,
            String summary,
            Totals totals,
            int limit,
            boolean truncated,
            List<Chain> chains) {}

    /** {@code decisionsMade}: decisions made in the year in the units, not retracted, with evidence or not. */
    public record Totals(long decisionsMade, int decisionsWithEvidence, int chains, int crossUnitChains) {}

    /**
     * One decision made differently because of one lesson through one behaviour change. {@code elapsedDays}:
     * from the lesson's recordedAt to the decision's decidedAt, in days (fractional); {@code crossUnit}: the
     * lesson's unit is not the decision's.
     */
    public record Chain(
            String decisionId,
            String behaviorChangeId,
            String lessonId,
            double elapsedDays,
            boolean crossUnit,
            Decision decision,
            Change behaviorChange,
            Lesson lesson,
            List<Origin> origins,
            List<Review> reviews) {}

    public record Decision(String title, String orgUnit, DecisionCategory category, Instant decidedAt) {}

    public record Change(String description, Instant changedAt) {}

    /**
     * {@code textWithheld}: the lesson lies in a unit outside the caller's key, so its free text
     * ({@code text}, {@code thinkingChange}) is left out; what it is about (themes, practice, unit, date) shows.
     */
    public record Lesson(
            String text,
            String thinkingChange,
            ExtractionPractice extractionPractice,
            List<String> themes,
            String orgUnit,
            Instant recordedAt,
            boolean textWithheld) {}

    /** A decision the lesson came from; {@code titleWithheld} as for a lesson, when outside the caller's key. */
    public record Origin(
            String decisionId, String title, String orgUnit, Assessment outcomeAssessment, boolean titleWithheld) {}

    /** A review the lesson came from: its kind and the themes of the root causes it named. */
    public record Review(
            String reviewId, String decisionId, ReviewKind kind, List<String> rootCauseThemes, Instant heldAt) {}
}
