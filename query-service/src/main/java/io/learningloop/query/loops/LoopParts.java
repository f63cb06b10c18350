package io.learningloop.query.loops;

import io.learningloop.contract.events.DecisionCategory;
import io.learningloop.contract.events.DecisionMadeEvent;
import io.learningloop.readmodel.LoopDocument;
import io.learningloop.readmodel.LoopDocument.ActionRef;
import io.learningloop.readmodel.LoopDocument.BehaviorChangeRef;
import io.learningloop.readmodel.LoopDocument.CheckIn;
import io.learningloop.readmodel.LoopDocument.Correction;
import io.learningloop.readmodel.LoopDocument.LessonRef;
import io.learningloop.readmodel.LoopDocument.LessonShare;
import io.learningloop.readmodel.LoopDocument.Outcome;
import io.learningloop.readmodel.LoopDocument.ReviewRef;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What the events said of one loop, part by part, before anything is derived from it: the reducers
 * ({@link CheckIns}, {@link Actions}, {@link Outcomes}, {@link LessonsAndChanges}, {@link ReviewsAndShares},
 * {@link Corrections}) each change their part, and {@link LoopDerivation} alone turns the parts into the
 * stored {@link LoopDocument}, so that stage, counts and latencies can never disagree with the parts.
 * A reducer that changes nothing returns the very same parts.
 */
record LoopParts(
        String decisionId,
        Decision decision,
        Long decisionSequence,
        Outcome outcome,
        List<LessonRef> lessons,
        List<BehaviorChangeRef> behaviorChanges,
        List<BehaviorChangeRef> appliedChanges,
        List<ReviewRef> reviews,
        List<ActionRef> actions,
        List<LessonShare> lessonShares,
        List<CheckIn> checkIns,
        List<Correction> corrections) {

    /** The decision's own fields, as its event states them: absent while only later steps arrived. */
    record Decision(
            String orgUnit,
            DecisionCategory category,
            String title,
            String expectedOutcome,
            Double confidence,
            LocalDate reviewBy,
            List<String> informedByLessonIds,
            List<String> leadingIndicators,
            List<String> uncertainties,
            String actor,
            String sourceTool,
            Instant decidedAt) {

        static final Decision NONE =
                new Decision(null, null, null, null, null, null, List.of(), List.of(), List.of(), null, null, null);

        static Decision of(DecisionMadeEvent made) {
            return new Decision(
                    made.orgUnit(),
                    made.category(),
                    made.title(),
                    made.expectedOutcome(),
                    made.confidence(),
                    made.reviewBy(),
                    made.informedByLessonIds(),
                    made.leadingIndicators(),
                    made.uncertainties(),
                    made.actor(),
                    made.sourceTool(),
                    made.occurredAt());
        }
    }

    /** A loop known only by its id, before any of its events arrived. */
    static LoopParts empty(String decisionId) {
        return new LoopParts(
                decisionId,
                Decision.NONE,
                null,
                null,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of());
    }

    static LoopParts of(LoopDocument loop) {
        Decision decision = new Decision(
                loop.orgUnit(),
                loop.category(),
                loop.title(),
                loop.expectedOutcome(),
                loop.confidence(),
                loop.reviewBy(),
                loop.informedByLessonIds(),
                loop.leadingIndicators(),
                loop.uncertainties(),
                loop.actor(),
                loop.sourceTool(),
                loop.decidedAt());
        return new LoopParts(
                loop.decisionId(),
                decision,
                loop.decisionSequence(),
                loop.outcome(),
                loop.lessons(),
                loop.behaviorChanges(),
                loop.appliedChanges(),
                loop.reviews(),
                loop.actions(),
                loop.lessonShares(),
                loop.checkIns(),
                loop.corrections());
    }

    LoopParts withDecision(Decision decision, long sequence, List<CheckIn> checkIns) {
        return with(parts -> {
            parts.decision = decision;
            parts.decisionSequence = sequence;
            parts.checkIns = checkIns;
        });
    }

    LoopParts withOutcome(Outcome outcome) {
        return with(parts -> parts.outcome = outcome);
    }

    LoopParts withLessons(List<LessonRef> lessons, List<LessonShare> lessonShares) {
        return with(parts -> {
            parts.lessons = lessons;
            parts.lessonShares = lessonShares;
        });
    }

    LoopParts withBehaviorChanges(List<BehaviorChangeRef> behaviorChanges, List<BehaviorChangeRef> appliedChanges) {
        return with(parts -> {
            parts.behaviorChanges = behaviorChanges;
            parts.appliedChanges = appliedChanges;
        });
    }

    LoopParts withReviews(List<ReviewRef> reviews) {
        return with(parts -> parts.reviews = reviews);
    }

    LoopParts withActions(List<ActionRef> actions) {
        return with(parts -> parts.actions = actions);
    }

    LoopParts withCheckIns(List<CheckIn> checkIns) {
        return with(parts -> parts.checkIns = checkIns);
    }

    LoopParts withCorrections(List<Correction> corrections) {
        return with(parts -> parts.corrections = corrections);
    }

    /** Adds or replaces by key, sorted by key: the same parts in any arrival order give an equal list. */
    static <T> List<T> upsert(List<T> parts, T part, Function<T, String> key) {
        List<T> result = new ArrayList<>(parts.stream()
                .filter(p -> !key.apply(p).equals(key.apply(part)))
                .toList());
        result.add(part);
        result.sort(Comparator.comparing(key));
        return List.copyOf(result);
    }

    /** These parts with some of them changed: the one place that lists every part, so each {@code with…} names only its own. */
    private LoopParts with(Consumer<Copy> change) {
        Copy copy = new Copy(this);
        change.accept(copy);
        return copy.parts();
    }

    /** A copy of the parts, changed by one {@code with…} and turned back into parts at once. */
    private static final class Copy {
        private String decisionId;
        private Decision decision;
        private Long decisionSequence;
        private Outcome outcome;
        private List<LessonRef> lessons;
        private List<BehaviorChangeRef> behaviorChanges;
        private List<BehaviorChangeRef> appliedChanges;
        private List<ReviewRef> reviews;
        private List<ActionRef> actions;
        private List<LessonShare> lessonShares;
        private List<CheckIn> checkIns;
        private List<Correction> corrections;

        Copy(LoopParts parts) {
            decisionId = parts.decisionId();
            decision = parts.decision();
            decisionSequence = parts.decisionSequence();
            outcome = parts.outcome();
            lessons = parts.lessons();
            behaviorChanges = parts.behaviorChanges();
            appliedChanges = parts.appliedChanges();
            reviews = parts.reviews();
            actions = parts.actions();
            lessonShares = parts.lessonShares();
            checkIns = parts.checkIns();
            corrections = parts.corrections();
        }

        LoopParts parts() {
            return new LoopParts(
                    decisionId,
                    decision,
                    decisionSequence,
                    outcome,
                    lessons,
                    behaviorChanges,
                    appliedChanges,
                    reviews,
                    actions,
                    lessonShares,
                    checkIns,
                    corrections);
        }
    }
}
