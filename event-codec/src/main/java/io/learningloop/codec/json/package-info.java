/**
 * The JSON of the contract's events, on Kafka and in Elasticsearch alike: one mapping (ISO-8601
 * times, unknown fields ignored) and the upcasts that turn an older revision into the current one,
 * used by the command side's store and every consumer of the topic, so both read history the same way.
 */
package io.learningloop.codec.json;
