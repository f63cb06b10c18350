/**
 * The rules of a learning loop, enforced by five aggregates: a {@code Decision} (with its check-ins and
 * outcome), a {@code Review}, an {@code Action} a review assigned, a {@code Lesson} (with its sharing),
 * and a {@code BehaviorChange}. Rules that span aggregates (a lesson needs its decisions, a behaviour
 * change needs its lessons) read the {@link io.learningloop.command.domain.LoopReferences} lookup, which
 * is written in the same transaction as the events.
 */
package io.learningloop.command.domain;
