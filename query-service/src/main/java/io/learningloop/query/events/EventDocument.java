package io.learningloop.query.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/** One event in the events index; {@code payload} is the event exactly as published (not indexed). */
public record EventDocument(
        String eventId,
        String eventType,
        String revision,
        String aggregateId,
        long aggregateSequence,
        String orgUnit,
        List<String> orgUnitPath,
        Instant occurredAt,
        Instant recordedAt,
        String sourceTool,
        String actor,
        List<String> decisionIds,
        List<String> lessonIds,
        JsonNode payload,
        KafkaPosition kafka) {

    /** Where the event was first read from, to trace a document back to its record. */
    public record KafkaPosition(String topic, int partition, long offset) {
    }
}
