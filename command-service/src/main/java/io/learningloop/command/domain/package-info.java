/**
 * The rules of a learning loop, enforced by three aggregates: a {@code Decision} (and its outcome),
 * a {@code Lesson}, and a {@code BehaviorChange}. Rules that span aggregates (a lesson needs its
 * decisions, a behaviour change needs its lessons) read the {@link io.learningloop.command.domain.LoopReferences}
 * lookup, which is written in the same transaction as the events.
 */
package io.learningloop.command.domain;
