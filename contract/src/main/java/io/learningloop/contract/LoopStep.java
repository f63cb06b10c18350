package io.learningloop.contract;

import io.learningloop.contract.events.ActionAssignedEvent;
import io.learningloop.contract.events.ActionCompletedEvent;
import io.learningloop.contract.events.ActionDroppedEvent;
import io.learningloop.contract.events.BehaviorChangedEvent;
import io.learningloop.contract.events.CheckInHeldEvent;
import io.learningloop.contract.events.DecisionMadeEvent;
import io.learningloop.contract.events.LessonRecordedEvent;
import io.learningloop.contract.events.LessonSharedEvent;
import io.learningloop.contract.events.LoopEvent;
import io.learningloop.contract.events.OutcomeObservedEvent;
import io.learningloop.contract.events.ReviewHeldEvent;
import io.learningloop.contract.events.WireNames;
import java.util.Arrays;
import java.util.Optional;

/**
 * The vocabulary of the steps a tool posts, in the order of a loop: the one place that says what a
 * kind of step is called on the wire ({@code behavior-change}: bulk lines, lookup rows), which field
 * names it ({@code behaviorChangeId}), which event records it, and how a sentence for people names it
 * ({@code behaviour change}). Amendments and retractions are corrections of these, not steps of their own.
 */
public enum LoopStep {
    DECISION(DecisionMadeEvent.class, "decisionId", "decision"),
    CHECK_IN(CheckInHeldEvent.class, "decisionId", "check-in"),
    OUTCOME(OutcomeObservedEvent.class, "decisionId", "outcome"),
    REVIEW(ReviewHeldEvent.class, "reviewId", "review"),
    ACTION(ActionAssignedEvent.class, "actionId", "action"),
    ACTION_COMPLETION(ActionCompletedEvent.class, "actionId", "action completion"),
    ACTION_DROP(ActionDroppedEvent.class, "actionId", "action drop"),
    LESSON(LessonRecordedEvent.class, "lessonId", "lesson"),
    LESSON_SHARE(LessonSharedEvent.class, "lessonId", "lesson share"),
    BEHAVIOR_CHANGE(BehaviorChangedEvent.class, "behaviorChangeId", "behaviour change");

    private final Class<? extends LoopEvent> event;
    private final String idField;
    private final String label;

    LoopStep(Class<? extends LoopEvent> event, String idField, String label) {
        this.event = event;
        this.idField = idField;
        this.label = label;
    }

    /** {@code behavior-change}: the value of {@code step} in a bulk line, and what the command side stores. */
    public String wireName() {
        return WireNames.of(this);
    }

    public static Optional<LoopStep> named(String wireName) {
        return Arrays.stream(values())
                .filter(step -> step.wireName().equals(wireName))
                .findFirst();
    }

    /** The field that carries the step's id ({@code decisionId}); a step about another carries that one's. */
    public String idField() {
        return idField;
    }

    /** The event that records the step. */
    public Class<? extends LoopEvent> event() {
        return event;
    }

    /** How a message for people names the step: {@code behaviour change}, {@code check-in}. */
    public String label() {
        return label;
    }

    /**
     * The step whose id this one carries and whose history it joins: an outcome and a check-in belong to
     * their decision, a completion or drop to its action, a share to its lesson; every other step to itself.
     */
    public LoopStep partOf() {
        return switch (this) {
            case CHECK_IN, OUTCOME -> DECISION;
            case ACTION_COMPLETION, ACTION_DROP -> ACTION;
            case LESSON_SHARE -> LESSON;
            default -> this;
        };
    }
}
