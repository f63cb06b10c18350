package io.learningloop.contract.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The kind of decision, for slicing latencies and conversion. */
public enum DecisionCategory {
    STRATEGY,
    TALENT,
    ORG_DESIGN,
    PRODUCT,
    OPERATIONS,
    OTHER;

    /** The name on the wire and in the indices: {@code org-design}, not {@code ORG_DESIGN}. */
    @JsonValue
    public String wireName() {
        return WireNames.of(this);
    }

    @JsonCreator
    public static DecisionCategory fromWireName(String value) {
        return WireNames.parse(DecisionCategory.class, value);
    }
}
