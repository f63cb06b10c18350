package io.learningloop.contract.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A planned check-in of a decision was held: its leading indicators were read and the decision judged
 * on track or not, long before the outcome is known. {@code scheduledFor} is the planned date it fulfils.
 */
@Revision("1")
public record CheckInHeldEvent(
        String eventId,
        String decisionId,
        String orgUnit,
        Instant occurredAt,
        Instant recordedAt,
        String sourceTool,
        String actor,
        LocalDate scheduledFor,
        List<IndicatorReading> readings,
        boolean onTrack)
        implements LoopEvent {

    public CheckInHeldEvent {
        readings = List.copyOf(readings);
    }

    @Override
    public String aggregateId() {
        return decisionId;
    }

    @Override
    public List<String> decisionsConcerned() {
        return List.of(decisionId);
    }
}
