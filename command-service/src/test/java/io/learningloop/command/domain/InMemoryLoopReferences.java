package io.learningloop.command.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The step lookup as the fixtures need it: steps other aggregates would have recorded. */
final class InMemoryLoopReferences implements LoopReferences {

    private final Map<String, KnownDecision> decisions = new HashMap<>();
    private final Map<String, KnownLesson> lessons = new HashMap<>();
    private final Map<String, KnownReview> reviews = new HashMap<>();
    private final Map<String, String> kinds = new HashMap<>();
    private final Map<String, List<Dependent>> dependents = new HashMap<>();

    InMemoryLoopReferences decision(String id, Instant occurredAt) {
        decisions.put(id, new KnownDecision(id, occurredAt));
        kinds.put(id, "decision");
        return this;
    }

    InMemoryLoopReferences lesson(String id, Instant occurredAt, String... decisionIds) {
        lessons.put(id, new KnownLesson(id, occurredAt, List.of(decisionIds)));
        kinds.put(id, "lesson");
        return this;
    }

    InMemoryLoopReferences review(String id, Instant occurredAt, String... decisionIds) {
        reviews.put(id, new KnownReview(id, occurredAt, List.of(decisionIds)));
        kinds.put(id, "review");
        return this;
    }

    /** A live step of {@code kind} that names {@code id}. */
    InMemoryLoopReferences dependent(String id, String kind, String dependentId, Instant occurredAt) {
        dependents.computeIfAbsent(id, key -> new ArrayList<>()).add(new Dependent(dependentId, kind, occurredAt));
        return this;
    }

    @Override
    public List<Dependent> dependentsOf(String id) {
        return dependents.getOrDefault(id, List.of());
    }

    @Override
    public Optional<KnownReview> review(String reviewId) {
        return Optional.ofNullable(reviews.get(reviewId));
    }

    @Override
    public Optional<KnownDecision> decision(String decisionId) {
        return Optional.ofNullable(decisions.get(decisionId));
    }

    @Override
    public Optional<KnownLesson> lesson(String lessonId) {
        return Optional.ofNullable(lessons.get(lessonId));
    }

    @Override
    public Optional<String> kindOf(String id) {
        return Optional.ofNullable(kinds.get(id));
    }
}
