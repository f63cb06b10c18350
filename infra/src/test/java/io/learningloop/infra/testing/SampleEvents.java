package io.learningloop.infra.testing;

import io.learningloop.contract.events.Assessment;
import io.learningloop.contract.events.BehaviorChangedEvent;
import io.learningloop.contract.events.DecisionCategory;
import io.learningloop.contract.events.DecisionMadeEvent;
import io.learningloop.contract.events.LessonRecordedEvent;
import io.learningloop.contract.events.OutcomeObservedEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Events as the command service would publish them, with only what a test varies as parameters. */
public final class SampleEvents {

    private static final Instant RECORDED = Instant.parse("2026-11-01T00:00:00Z");

    private SampleEvents() {
    }

    public static DecisionMadeEvent decision(String id, String orgUnit, DecisionCategory category, String at,
                                             String... informedBy) {
        return new DecisionMadeEvent("e-" + id, id, orgUnit, Instant.parse(at), RECORDED, "test-tool", "u-1",
                "Decision " + id, category, "It works", 0.8, LocalDate.parse(at.substring(0, 10)).plusMonths(3),
                List.of(informedBy));
    }

    public static OutcomeObservedEvent outcome(String decisionId, String orgUnit, String at) {
        return new OutcomeObservedEvent("e-outcome-" + decisionId, decisionId, orgUnit, Instant.parse(at), RECORDED,
                "test-tool", "u-1", Assessment.WORSE_THAN_EXPECTED, "It did not");
    }

    public static LessonRecordedEvent lesson(String id, String orgUnit, String at, String... decisionIds) {
        return new LessonRecordedEvent("e-" + id, id, orgUnit, Instant.parse(at), RECORDED, "test-tool", "u-1",
                List.of(decisionIds), "Lesson " + id, "We think differently");
    }

    /** {@code lessonDecisionIds}: what the command side resolves from the lessons. */
    public static BehaviorChangedEvent behaviorChange(String id, String orgUnit, String at, String decisionId,
                                                      List<String> lessonIds, List<String> lessonDecisionIds) {
        return new BehaviorChangedEvent("e-" + id, id, orgUnit, Instant.parse(at), RECORDED, "test-tool", "u-1",
                lessonIds, decisionId, lessonDecisionIds, "Made differently");
    }
}
