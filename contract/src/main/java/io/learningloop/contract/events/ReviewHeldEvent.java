package io.learningloop.contract.events;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A review (post-mortem, after-action review, retrospective) looked back at decisions and found root
 * causes. Whether it was facilitated and blameless is recorded, and how many took part, never who.
 */
@Revision("1")
public record ReviewHeldEvent(
        String eventId,
        String reviewId,
        String orgUnit,
        Instant occurredAt,
        Instant recordedAt,
        String sourceTool,
        String actor,
        List<String> decisionIds,
        ReviewKind kind,
        List<RootCause> rootCauses,
        boolean facilitated,
        boolean blameless,
        int participantCount)
        implements LoopEvent {

    public ReviewHeldEvent {
        decisionIds = List.copyOf(decisionIds);
        rootCauses = List.copyOf(rootCauses);
    }

    @Override
    public String aggregateId() {
        return reviewId;
    }

    @Override
    public List<String> decisionsConcerned() {
        return decisionIds;
    }
}
