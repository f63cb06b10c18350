/**
 * Who posted a step, as the log keeps it: a keyed hash of whatever identity the tool sent, never the
 * identity itself. The key lives outside the event store, Kafka and Elasticsearch (docs/pseudonyms.md).
 */
package io.learningloop.command.pseudonyms;
