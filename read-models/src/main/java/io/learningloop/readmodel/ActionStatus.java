package io.learningloop.readmodel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where an action a review assigned stands; overdue is apart, so that "completed late" shows. */
public enum ActionStatus {
    OPEN,
    COMPLETED,
    DROPPED;

    @JsonValue
    public String wireName() {
        return WireName.of(this);
    }

    @JsonCreator
    public static ActionStatus fromWireName(String value) {
        return WireName.parse(ActionStatus.class, value);
    }
}
