/**
 * Publication of stored events to Kafka. The Axon Kafka extension's publisher runs in a tracking
 * processor, so the event table is the outbox: a Kafka outage delays publication, never a command.
 */
package io.learningloop.command.publishing;
