package io.learningloop.readmodel;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * One event in the events index ({@code events.json}), under its event id; {@code payload} is the event
 * exactly as published (stored, not indexed).
 */
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

    // The fields a loop's timeline is searched and sorted by.
    public static final String DECISION_IDS = "decisionIds";
    public static final String OCCURRED_AT = "occurredAt";
    public static final String RECORDED_AT = "recordedAt";

    /** Where the event was first read from, to trace a document back to its record. */
    public record KafkaPosition(String topic, int partition, long offset) {}
}
