package io.learningloop.readmodel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where a planned check-in stands: {@code held-late} is held after it had been missed. */
public enum CheckInStatus {
    PLANNED,
    HELD,
    MISSED,
    HELD_LATE;

    @JsonValue
    public String wireName() {
        return WireName.of(this);
    }

    @JsonCreator
    public static CheckInStatus fromWireName(String value) {
        return WireName.parse(CheckInStatus.class, value);
    }
}
