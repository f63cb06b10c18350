/**
 * Persistent deadlines (missed check-ins, overdue actions): Axon's db-scheduler deadline manager, with
 * an index of which deadlines belong to which aggregate so that cancelling them costs one lookup.
 */
package io.learningloop.command.deadlines;
