/**
 * Publication of stored events to Kafka. The Axon Kafka extension's publisher runs in a tracking
 * processor, so the event table is the outbox: a Kafka outage delays publication, never a command.
 * Its publisher is replaced by {@link io.learningloop.command.publishing.BatchAcknowledgedPublisher},
 * which awaits Kafka's acknowledgements once per batch instead of once per event.
 */
package io.learningloop.command.publishing;
