package io.learningloop.readmodel;

import io.learningloop.contract.events.ReviewKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One review and its verdict (practice, ritual, partial, pending: docs/metrics.md "Ritual reviews"), as
 * the reviews index stores it ({@code reviews.json}) for Kibana, which cannot join the loops a verdict is
 * made of. Analytics recomputes every document on a schedule (docs/decisions/0011-verdict-indices.md):
 * the verdict is the API's at {@code judgedAt}. {@code decisionDates} holds the decision date of each of
 * the review's decisions, so that a range on it selects exactly the reviews of a period's decisions (the
 * API's cohort); it is the data view's time field. {@code generation} is the writer's bookkeeping: the
 * run that wrote the document, so that documents of reviews gone since are deleted after a run.
 */
public record ReviewVerdictDocument(
        String reviewId,
        String orgUnit,
        List<String> orgUnitPath,
        Instant heldAt,
        ReviewKind kind,
        boolean blameless,
        List<String> rootCauseThemes,
        List<String> decisionIds,
        List<Instant> decisionDates,
        int actionsAssigned,
        int actionsCompleted,
        int lessonsDrawn,
        int lessonsThatChangedADecision,
        String verdict,
        LocalDate settlesOn,
        Instant judgedAt,
        long generation) {

    // The fields readers query; the template test checks each one is mapped.
    public static final String REVIEW_ID = "reviewId";
    public static final String VERDICT = "verdict";
    public static final String DECISION_DATES = "decisionDates";
    public static final String GENERATION = "generation";

    public ReviewVerdictDocument {
        orgUnitPath = List.copyOf(orgUnitPath);
        rootCauseThemes = List.copyOf(rootCauseThemes);
        decisionIds = List.copyOf(decisionIds);
        decisionDates = List.copyOf(decisionDates);
    }
}
