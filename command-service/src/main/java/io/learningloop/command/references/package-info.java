/**
 * The command side's lookup of accepted steps (set-based validation). A subscribing event handler
 * writes it in the same transaction as the event store, so a rule never sees a step that was not
 * stored, nor misses one that was.
 */
package io.learningloop.command.references;
