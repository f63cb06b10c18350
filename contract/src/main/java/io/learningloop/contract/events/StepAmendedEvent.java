package io.learningloop.contract.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A tool corrected a step it had posted wrongly. Events are immutable, so the correction is a new
 * event: {@code correction} is the step's event as it should have been recorded (same event id and
 * {@code recordedAt} as the original, the current revision of its type, {@code correctionRevision}),
 * and it replaces the original and any earlier correction in every projection. The references of a
 * step (the decisions, lessons and review it names) are never amended: a step that names the wrong
 * ones is retracted and posted anew.
 */
@Revision("1")
public record StepAmendedEvent(
        String eventId,
        String stepId,
        String orgUnit,
        Instant occurredAt,
        Instant recordedAt,
        String sourceTool,
        String actor,
        String reason,
        String correctionRevision,

        @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "eventType")
        @JsonSubTypes({
            @JsonSubTypes.Type(value = DecisionMadeEvent.class, name = "DecisionMade"),
            @JsonSubTypes.Type(value = OutcomeObservedEvent.class, name = "OutcomeObserved"),
            @JsonSubTypes.Type(value = LessonRecordedEvent.class, name = "LessonRecorded"),
            @JsonSubTypes.Type(value = ReviewHeldEvent.class, name = "ReviewHeld"),
            @JsonSubTypes.Type(value = ActionAssignedEvent.class, name = "ActionAssigned"),
            @JsonSubTypes.Type(value = BehaviorChangedEvent.class, name = "BehaviorChanged")
        })
        LoopEvent correction)
        implements LoopEvent {

    /** The kinds of step event that can be amended (or retracted): those a tool posts as a step of its own. */
    public static final List<Class<? extends LoopEvent>> CORRECTABLE = List.of(
            DecisionMadeEvent.class,
            OutcomeObservedEvent.class,
            LessonRecordedEvent.class,
            ReviewHeldEvent.class,
            ActionAssignedEvent.class,
            BehaviorChangedEvent.class);

    @Override
    public String aggregateId() {
        return stepId;
    }

    @Override
    public List<String> decisionsConcerned() {
        return correction.decisionsConcerned();
    }

    @Override
    public List<String> lessonsConcerned() {
        return correction.lessonsConcerned();
    }
}
