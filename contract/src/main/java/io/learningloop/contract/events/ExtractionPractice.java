package io.learningloop.contract.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a lesson was drawn out. A lesson told as the story of the decision process, or drawn out by a
 * facilitated challenge of the reasoning or by pairing, is learnt; one that is only written down
 * often is not. {@code unknown} only for lessons recorded before this was asked (revision 1).
 */
public enum ExtractionPractice {
    STORYTELLING,
    FACILITATED_CHALLENGE,
    PAIRING,
    DOCUMENT_ONLY,
    UNKNOWN;

    @JsonValue
    public String wireName() {
        return WireNames.of(this);
    }

    @JsonCreator
    public static ExtractionPractice fromWireName(String value) {
        return WireNames.parse(ExtractionPractice.class, value);
    }
}
