package io.learningloop.readmodel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Why a projection parked a record instead of writing it: each is permanent, retrying the same
 * record the same way fails the same way (a transient failure is retried, never parked).
 */
public enum ParkReason {
    /** Elasticsearch refused the document the event produced (a value outside a mapping, too large). */
    ELASTICSEARCH_REFUSED,
    /** The projection threw on the event: it cannot apply it. */
    PROJECTION_FAILED,
    /** The record is not an event of the contract (unknown type or revision, not its JSON). */
    UNDECODABLE;

    @JsonValue
    public String wireName() {
        return WireName.of(this);
    }

    @JsonCreator
    public static ParkReason fromWireName(String value) {
        return WireName.parse(ParkReason.class, value);
    }
}
