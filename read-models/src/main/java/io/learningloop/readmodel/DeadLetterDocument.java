package io.learningloop.readmodel;

import java.time.Instant;
import java.util.List;

/**
 * A record of the event topic that one projection could not write, parked with its reason in the
 * dead-letters index ({@code dead-letters.json}) so that the records after it are projected. It keeps
 * the whole Kafka record (key, headers, value) so that it can be re-driven through the projection after
 * a fix. Its id is {@code projection/topic-partition-offset}: a redelivered record is parked once.
 * {@code eventId} and {@code eventType} are empty for an undecodable record.
 */
public record DeadLetterDocument(
        String projection,
        ParkReason reasonKind,
        String reason,
        Instant parkedAt,
        String topic,
        int partition,
        long offset,
        String key,
        String eventId,
        String eventType,
        List<Header> headers,
        String valueBase64) {

    // The fields the runtime queries and sorts by; the template test checks each one is mapped.
    public static final String PROJECTION = "projection";
    public static final String PARKED_AT = "parkedAt";

    public DeadLetterDocument {
        headers = headers == null ? List.of() : headers;
    }

    /** The document id of a parked record: one per projection and position on the topic. */
    public static String id(String projection, String topic, int partition, long offset) {
        return projection + "/" + topic + "-" + partition + "-" + offset;
    }

    public String id() {
        return id(projection, topic, partition, offset);
    }

    /** A Kafka header, its value as Base64 (headers are bytes). */
    public record Header(String name, String valueBase64) {}
}
