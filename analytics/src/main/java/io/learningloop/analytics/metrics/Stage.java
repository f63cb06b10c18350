package io.learningloop.analytics.metrics;

import io.learningloop.projection.elasticsearch.Indices;
import io.learningloop.readmodel.LessonDocument;
import io.learningloop.readmodel.LoopDocument;
import java.util.function.Function;

/** The measured stages of a loop: where each one's latency is stored and what exactly it means. */
enum Stage {
    DECISION_TO_OUTCOME(
            "decision-to-outcome",
            Indices::loops,
            LoopDocument.DECISION_ID,
            LoopDocument.DECISION_TO_OUTCOME_DAYS,
            LoopDocument.ACTOR,
            LoopDocument.DECIDED_AT,
            true,
            "days from a decision to its observed outcome (outcome occurredAt - decision occurredAt), over the"
                    + " decisions made in the period in the org unit or below that have an outcome"),
    OUTCOME_TO_LESSON(
            "outcome-to-lesson",
            Indices::loops,
            LoopDocument.DECISION_ID,
            LoopDocument.OUTCOME_TO_LESSON_DAYS,
            LoopDocument.ACTOR,
            LoopDocument.DECIDED_AT,
            true,
            "days from a decision's outcome to the first lesson drawn from that decision at or after the"
                    + " outcome, over the decisions made in the period in the org unit or below that have both"),
    LESSON_TO_BEHAVIOR_CHANGE(
            "lesson-to-behavior-change",
            Indices::lessons,
            LessonDocument.LESSON_ID,
            LessonDocument.LESSON_TO_BEHAVIOR_CHANGE_DAYS,
            LessonDocument.ACTOR,
            LessonDocument.RECORDED_AT,
            false,
            "days from a lesson to the first behaviour change citing it (behaviour change occurredAt - lesson"
                    + " occurredAt), over the lessons recorded in the period in the org unit or below that"
                    + " changed a later decision"),
    DECISION_TO_BEHAVIOR_CHANGE(
            "decision-to-behavior-change",
            Indices::loops,
            LoopDocument.DECISION_ID,
            LoopDocument.DECISION_TO_BEHAVIOR_CHANGE_DAYS,
            LoopDocument.ACTOR,
            LoopDocument.DECIDED_AT,
            true,
            "days from a decision to the first behaviour change caused by a lesson drawn from it, over the"
                    + " decisions made in the period in the org unit or below whose loop closed");

    /** How the staff report names the stage. */
    String title() {
        return switch (this) {
            case DECISION_TO_OUTCOME -> "Decision to outcome";
            case OUTCOME_TO_LESSON -> "Outcome to lesson";
            case LESSON_TO_BEHAVIOR_CHANGE -> "Lesson to behaviour change";
            case DECISION_TO_BEHAVIOR_CHANGE -> "Decision to behaviour change";
        };
    }

    final String wireName;
    final Function<Indices, String> index;
    final String idField;
    final String latencyField;
    /** Whose stage it is: the decision's maker, or the lesson's recorder. */
    final String actorField;

    final String cohortField;
    final boolean hasCategory;
    final String definition;

    Stage(
            String wireName,
            Function<Indices, String> index,
            String idField,
            String latencyField,
            String actorField,
            String cohortField,
            boolean hasCategory,
            String definition) {
        this.wireName = wireName;
        this.index = index;
        this.idField = idField;
        this.latencyField = latencyField;
        this.actorField = actorField;
        this.cohortField = cohortField;
        this.hasCategory = hasCategory;
        this.definition = definition;
    }
}
