package io.learningloop.readmodel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;

/**
 * How far a loop got: its furthest step, or {@code retracted} once its decision was, or
 * {@code pending} while only later steps arrived and the decision itself not yet.
 */
public enum LoopStage {
    DECIDED,
    OUTCOME_OBSERVED,
    LESSON_LEARNED,
    BEHAVIOR_CHANGED,
    RETRACTED,
    PENDING;

    @JsonValue
    public String wireName() {
        return WireName.of(this);
    }

    @JsonCreator
    public static LoopStage fromWireName(String value) {
        return WireName.parse(LoopStage.class, value);
    }

    /** The stages a loop with a decision can be in: {@code pending} loops are never answered. */
    public static List<LoopStage> ofDecidedLoops() {
        return Arrays.stream(values()).filter(stage -> stage != PENDING).toList();
    }
}
