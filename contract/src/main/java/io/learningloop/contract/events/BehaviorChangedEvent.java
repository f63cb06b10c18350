package io.learningloop.contract.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A later decision was made differently because of one or more lessons: the loop closed.
 * {@code lessonDecisionIds} are the decisions those lessons came from, resolved by the command side
 * when the change was accepted, so that no consumer has to join lessons to decisions itself.
 */
@Revision("1")
public record BehaviorChangedEvent(
        String eventId,
        String behaviorChangeId,
        String orgUnit,
        Instant occurredAt,
        Instant recordedAt,
        String sourceTool,
        String actor,
        List<String> lessonIds,
        String decisionId,
        List<String> lessonDecisionIds,
        String description)
        implements LoopEvent {

    public BehaviorChangedEvent {
        lessonIds = List.copyOf(lessonIds);
        lessonDecisionIds = List.copyOf(lessonDecisionIds);
    }

    @Override
    public String aggregateId() {
        return behaviorChangeId;
    }

    /** The loops it closes (its lessons' decisions) and the decision it changed. */
    @Override
    public List<String> decisionsConcerned() {
        List<String> decisions = new ArrayList<>(lessonDecisionIds);
        if (!decisions.contains(decisionId)) {
            decisions.add(decisionId);
        }
        return List.copyOf(decisions);
    }

    @Override
    public List<String> lessonsConcerned() {
        return lessonIds;
    }
}
