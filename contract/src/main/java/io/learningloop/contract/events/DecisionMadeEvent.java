package io.learningloop.contract.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A decision was made, with what it expects and how sure its makers were: the start of every loop.
 * {@code informedByLessonIds} names earlier lessons the makers drew on when deciding. Revision 2 adds
 * the check-ins it plans, the leading indicators to read at them, and what its makers said they do not
 * know ({@code uncertainties}); revision 1 events are upcast with all three empty.
 */
@Revision("2")
public record DecisionMadeEvent(
        String eventId,
        String decisionId,
        String orgUnit,
        Instant occurredAt,
        Instant recordedAt,
        String sourceTool,
        String actor,
        String title,
        DecisionCategory category,
        String expectedOutcome,
        double confidence,
        LocalDate reviewBy,
        List<String> informedByLessonIds,
        List<LocalDate> checkInDates,
        List<String> leadingIndicators,
        List<String> uncertainties)
        implements LoopEvent {

    public DecisionMadeEvent {
        informedByLessonIds = List.copyOf(informedByLessonIds == null ? List.of() : informedByLessonIds);
        checkInDates = List.copyOf(checkInDates == null ? List.of() : checkInDates);
        leadingIndicators = List.copyOf(leadingIndicators == null ? List.of() : leadingIndicators);
        uncertainties = List.copyOf(uncertainties == null ? List.of() : uncertainties);
    }

    @Override
    public String aggregateId() {
        return decisionId;
    }

    @Override
    public List<String> decisionsConcerned() {
        return List.of(decisionId);
    }

    @Override
    public List<String> lessonsConcerned() {
        return informedByLessonIds;
    }
}
