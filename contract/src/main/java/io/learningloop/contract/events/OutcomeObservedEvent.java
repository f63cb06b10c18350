package io.learningloop.contract.events;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The outcome of a decision was observed and judged against what the decision expected. Revision 2
 * adds who reported it; revision 1 events are upcast with {@code unknown}.
 */
@Revision("2")
public record OutcomeObservedEvent(
        String eventId,
        String decisionId,
        String orgUnit,
        Instant occurredAt,
        Instant recordedAt,
        String sourceTool,
        String actor,
        Assessment assessment,
        String summary,
        ReportedBy reportedBy)
        implements LoopEvent {

    @Override
    public String aggregateId() {
        return decisionId;
    }

    @Override
    public List<String> decisionsConcerned() {
        return List.of(decisionId);
    }
}
