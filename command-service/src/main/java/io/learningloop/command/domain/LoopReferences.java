package io.learningloop.command.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the command side knows about steps already accepted, for rules that span aggregates. Step ids
 * are unique across kinds, so a lesson cannot take the id of a decision. Retracted steps are not found
 * by {@link #decision}, {@link #lesson} or {@link #review}: nothing new can refer to them.
 */
public interface LoopReferences {

    Optional<KnownDecision> decision(String decisionId);

    Optional<KnownLesson> lesson(String lessonId);

    Optional<KnownReview> review(String reviewId);

    /** The kind of step that uses the id ({@code decision}, {@code lesson}, ...), if any does; retracted ones too. */
    Optional<String> kindOf(String id);

    /**
     * The live steps that name this one: the lessons, reviews and behaviour changes of a decision, the
     * decisions and behaviour changes that cite a lesson, the lessons and actions of a review.
     */
    List<Dependent> dependentsOf(String id);

    record Dependent(String stepId, String kind, Instant occurredAt) {}

    record KnownDecision(String decisionId, Instant occurredAt) {}

    record KnownLesson(String lessonId, Instant occurredAt, List<String> decisionIds) {
        public KnownLesson {
            decisionIds = List.copyOf(decisionIds);
        }
    }

    record KnownReview(String reviewId, Instant occurredAt, List<String> decisionIds) {
        public KnownReview {
            decisionIds = List.copyOf(decisionIds);
        }
    }
}
