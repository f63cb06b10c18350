package io.learningloop.contract.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How the observed outcome compares with the outcome the decision expected. */
public enum Assessment {
    BETTER_THAN_EXPECTED,
    AS_EXPECTED,
    WORSE_THAN_EXPECTED,
    FAILED;

    @JsonValue
    public String wireName() {
        return WireNames.of(this);
    }

    @JsonCreator
    public static Assessment fromWireName(String value) {
        return WireNames.parse(Assessment.class, value);
    }
}
