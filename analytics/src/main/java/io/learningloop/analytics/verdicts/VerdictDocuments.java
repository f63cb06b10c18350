package io.learningloop.analytics.verdicts;

import io.learningloop.analytics.metrics.Relearning;
import io.learningloop.analytics.metrics.ReviewFacts;
import io.learningloop.analytics.metrics.ReviewVerdict;
import io.learningloop.contract.OrgUnits;
import io.learningloop.readmodel.LessonDocument;
import io.learningloop.readmodel.LoopDocument;
import io.learningloop.readmodel.LoopDocument.ReviewRef;
import io.learningloop.readmodel.RelearningDocument;
import io.learningloop.readmodel.ReviewVerdictDocument;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The documents of one run, from every live loop and lesson of every unit: the verdicts and recurrences
 * are those of {@link ReviewVerdict}, {@link ReviewFacts} and {@link Relearning}, not a copy of their rules.
 */
final class VerdictDocuments {

    private VerdictDocuments() {}

    /**
     * A review counts once one of its loops has its decision (as the API's cohort of decisions); its
     * facts come from every live loop that looked at it.
     */
    static List<ReviewVerdictDocument> reviews(
            Collection<LoopDocument> loops, Instant now, Duration settlingWindow, long generation) {
        Map<String, Instant> decidedAt = new TreeMap<>();
        Map<String, ReviewRef> decided = new LinkedHashMap<>();
        for (LoopDocument loop : loops) {
            if (loop.decidedAt() != null) {
                decidedAt.put(loop.decisionId(), loop.decidedAt());
                loop.reviews().forEach(review -> decided.putIfAbsent(review.reviewId(), review));
            }
        }
        List<ReviewVerdictDocument> documents = new ArrayList<>();
        ReviewFacts.of(loops).forEach((reviewId, facts) -> {
            ReviewRef review = decided.get(reviewId);
            if (review == null) {
                return;
            }
            ReviewVerdict verdict = ReviewVerdict.of(facts, now, settlingWindow);
            documents.add(new ReviewVerdictDocument(
                    reviewId,
                    facts.orgUnit(),
                    facts.orgUnit() == null ? List.of() : OrgUnits.selfAndAncestors(facts.orgUnit()),
                    facts.heldAt(),
                    facts.kind(),
                    review.blameless(),
                    facts.rootCauseThemes(),
                    facts.decisionIds(),
                    facts.decisionIds().stream()
                            .map(decidedAt::get)
                            .filter(date -> date != null)
                            .toList(),
                    facts.actionsAssigned(),
                    facts.actionsCompleted(),
                    facts.lessonIds().size(),
                    facts.changedDecisions().size(),
                    verdict.verdict().wireName(),
                    verdict.settlesOn(),
                    now,
                    generation));
        });
        return documents;
    }

    /**
     * Every live lesson with a theme, learned again (within the window) or not, against every review of the
     * live loops; {@code judged} once its window is over, as the API's rate counts it.
     */
    static List<RelearningDocument> relearning(
            Collection<LessonDocument> lessons,
            Collection<LoopDocument> loops,
            Instant now,
            Duration window,
            long generation) {
        Map<String, ReviewRef> reviews = new TreeMap<>();
        loops.forEach(loop -> loop.reviews().forEach(review -> reviews.putIfAbsent(review.reviewId(), review)));
        Relearning.Index index = new Relearning.Index(reviews.values(), window);
        List<RelearningDocument> documents = new ArrayList<>();
        for (LessonDocument lesson : lessons) {
            RelearningDocument document = relearning(lesson, index, now, window, generation);
            if (document != null) {
                documents.add(document);
            }
        }
        return documents;
    }

    /** One lesson's document against the indexed reviews; null for a lesson without a theme or a time. */
    static RelearningDocument relearning(
            LessonDocument lesson, Relearning.Index reviews, Instant now, Duration window, long generation) {
        if (lesson.themes().isEmpty() || lesson.recordedAt() == null) {
            return null; // no theme, nothing to learn again: not in the denominator (docs/metrics.md)
        }
        // in review date order (the index sorts them so): the first is the earliest
        List<Relearning.Recurrence> again = reviews.recurrences(lesson);
        return new RelearningDocument(
                lesson.lessonId(),
                lesson.orgUnit(),
                lesson.orgUnit() == null ? List.of() : OrgUnits.selfAndAncestors(lesson.orgUnit()),
                lesson.recordedAt(),
                lesson.themes().stream().distinct().sorted().toList(),
                !again.isEmpty(),
                Relearning.judged(lesson, now, window),
                again.size(),
                again.isEmpty() ? null : again.get(0).daysBetween(),
                again.stream()
                        .map(recurrence -> new RelearningDocument.Recurrence(
                                recurrence.reviewId(),
                                recurrence.reviewOrgUnit(),
                                recurrence.reviewHeldAt(),
                                recurrence.themes(),
                                recurrence.daysBetween()))
                        .toList(),
                now,
                generation);
    }
}
