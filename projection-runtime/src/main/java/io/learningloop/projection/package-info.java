/**
 * Runs projections from the Kafka event topic into Elasticsearch documents, at least once and
 * idempotently: a batch is applied to the current documents, written with optimistic concurrency,
 * and only then are the Kafka offsets committed. A redelivered or replayed event changes nothing
 * because every projection is a pure function of (document, event) that ignores what it has seen.
 */
package io.learningloop.projection;
