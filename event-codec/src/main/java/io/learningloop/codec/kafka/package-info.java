/**
 * Records of the event topic as the contract defines them ({@code KafkaContract}): the encoder the
 * command side publishes with, the decoder every consumer reads with (upcasting older revisions),
 * and the topic's settings. Plain kafka-clients: a team that only reads the topic needs nothing else.
 */
package io.learningloop.codec.kafka;
