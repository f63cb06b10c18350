package io.learningloop.contract.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The form of a review. */
public enum ReviewKind {
    POST_MORTEM,
    AFTER_ACTION_REVIEW,
    RETROSPECTIVE;

    @JsonValue
    public String wireName() {
        return WireNames.of(this);
    }

    @JsonCreator
    public static ReviewKind fromWireName(String value) {
        return WireNames.parse(ReviewKind.class, value);
    }
}
