package io.learningloop.contract.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Who brought an outcome to light: the decision's owner (self-reported, a safety signal) or others
 * (discovered). {@code unknown} only for outcomes recorded before this was asked (revision 1).
 */
public enum ReportedBy {
    DECISION_OWNER,
    OTHERS,
    UNKNOWN;

    @JsonValue
    public String wireName() {
        return WireNames.of(this);
    }

    @JsonCreator
    public static ReportedBy fromWireName(String value) {
        return WireNames.parse(ReportedBy.class, value);
    }
}
