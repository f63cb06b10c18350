package io.learningloop.readmodel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How a step of a loop was corrected: amended (a new version of it) or retracted (its tombstone). */
public enum CorrectionKind {
    AMENDED,
    RETRACTED;

    @JsonValue
    public String wireName() {
        return WireName.of(this);
    }

    @JsonCreator
    public static CorrectionKind fromWireName(String value) {
        return WireName.parse(CorrectionKind.class, value);
    }
}
