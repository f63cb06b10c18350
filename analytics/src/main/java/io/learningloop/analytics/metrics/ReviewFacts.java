package io.learningloop.analytics.metrics;

import io.learningloop.contract.events.ReviewKind;
import io.learningloop.readmodel.ActionStatus;
import io.learningloop.readmodel.LoopDocument;
import io.learningloop.readmodel.LoopDocument.ActionRef;
import io.learningloop.readmodel.LoopDocument.BehaviorChangeRef;
import io.learningloop.readmodel.LoopDocument.LessonRef;
import io.learningloop.readmodel.LoopDocument.ReviewRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one review led to, gathered from the loops of every decision it looked at: a review covers
 * several decisions, and each loop holds only its own part (its actions, the lessons drawn from its
 * decision, the changes those lessons caused). Retracted steps are already gone from the loops.
 *
 * <p>A lesson counts as drawn from the review when it names the review, or when it was drawn from one of
 * the review's decisions at or after the review was held (a lesson from before the review was not drawn
 * out by it).
 *
 * @param decisionIds the review's decisions that have a loop (not retracted), in id order
 * @param actors who made those decisions: the people a figure over this review describes
 * @param lessonIds the lessons drawn from it, in id order
 * @param changedDecisions per lesson that changed a later decision, the decisions it changed
 */
public record ReviewFacts(
        String reviewId,
        String orgUnit,
        Instant heldAt,
        ReviewKind kind,
        List<String> rootCauseThemes,
        List<String> decisionIds,
        List<String> actors,
        int actionsAssigned,
        int actionsCompleted,
        List<String> lessonIds,
        Map<String, List<String>> changedDecisions) {

    /** The facts of every review found in {@code loops}, by review id. */
    public static Map<String, ReviewFacts> of(Collection<LoopDocument> loops) {
        Map<String, Builder> reviews = new TreeMap<>();
        for (LoopDocument loop : loops) {
            for (ReviewRef review : loop.reviews()) {
                reviews.computeIfAbsent(review.reviewId(), id -> new Builder(review))
                        .add(loop);
            }
        }
        Map<String, ReviewFacts> facts = new LinkedHashMap<>();
        reviews.forEach((id, builder) -> facts.put(id, builder.facts()));
        return facts;
    }

    public boolean rootCausesNamed() {
        return !rootCauseThemes.isEmpty();
    }

    private static final class Builder {
        private final ReviewRef review;
        private final TreeSet<String> decisionIds = new TreeSet<>();
        private final List<String> actors = new ArrayList<>();
        private final Map<String, ActionStatus> actions = new TreeMap<>();
        private final TreeSet<String> lessonIds = new TreeSet<>();
        private final Map<String, TreeSet<String>> changed = new TreeMap<>();

        Builder(ReviewRef review) {
            this.review = review;
        }

        void add(LoopDocument loop) {
            decisionIds.add(loop.decisionId());
            actors.add(loop.actor());
            for (ActionRef action : loop.actions()) {
                if (review.reviewId().equals(action.reviewId())) {
                    actions.put(action.actionId(), action.status());
                }
            }
            for (LessonRef lesson : loop.lessons()) {
                boolean namesIt = lesson.reviewIds().contains(review.reviewId());
                boolean drawnAfter = lesson.recordedAt() != null
                        && review.heldAt() != null
                        && !lesson.recordedAt().isBefore(review.heldAt());
                if (namesIt || drawnAfter) {
                    lessonIds.add(lesson.lessonId());
                }
            }
            for (BehaviorChangeRef change : loop.behaviorChanges()) {
                for (String lessonId : change.lessonIds()) {
                    changed.computeIfAbsent(lessonId, id -> new TreeSet<>()).add(change.decisionId());
                }
            }
        }

        ReviewFacts facts() {
            Map<String, List<String>> changedDecisions = new TreeMap<>();
            for (String lessonId : lessonIds) {
                TreeSet<String> decisions = changed.get(lessonId);
                if (decisions != null) {
                    changedDecisions.put(lessonId, List.copyOf(decisions));
                }
            }
            int completed = (int) actions.values().stream()
                    .filter(status -> status == ActionStatus.COMPLETED)
                    .count();
            return new ReviewFacts(
                    review.reviewId(),
                    review.orgUnit(),
                    review.heldAt(),
                    review.kind(),
                    List.copyOf(new TreeSet<>(review.rootCauseThemes())),
                    List.copyOf(decisionIds),
                    List.copyOf(actors),
                    actions.size(),
                    completed,
                    List.copyOf(lessonIds),
                    Map.copyOf(changedDecisions));
        }
    }
}
