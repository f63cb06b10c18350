package io.learningloop.command.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.learningloop.codec.json.EventJson;
import io.learningloop.contract.events.DecisionMadeEvent;
import io.learningloop.contract.events.ExtractionPractice;
import io.learningloop.contract.events.LessonRecordedEvent;
import io.learningloop.contract.events.OutcomeObservedEvent;
import io.learningloop.contract.events.ReportedBy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

/** Revision-1 events stored before check-ins, reporters and lesson sources existed are read as revision 2. */
class ContractUpcasterTest {

    private final ObjectMapper json = EventJson.newMapper();
    private final JacksonSerializer serializer =
            JacksonSerializer.builder().objectMapper(json).build();

    @Test
    void storedDecisionOfRevisionOneIsReadWithoutCheckInsIndicatorsOrUncertainties() throws Exception {
        IntermediateEventRepresentation upcast = upcast(DecisionMadeEvent.class, """
                {"eventId": "e-1", "decisionId": "d-1", "orgUnit": "acme/eng", "occurredAt": "2024-01-10T10:00:00Z",
                 "recordedAt": "2024-01-10T10:00:01Z", "sourceTool": "t", "actor": "u-1", "title": "T",
                 "category": "product", "expectedOutcome": "E", "confidence": 0.5, "reviewBy": "2024-06-01",
                 "informedByLessonIds": []}
                """);

        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        DecisionMadeEvent event =
                json.treeToValue(upcast.getData(JsonNode.class).getData(), DecisionMadeEvent.class);
        assertThat(event.checkInDates()).isEmpty();
        assertThat(event.leadingIndicators()).isEmpty();
        assertThat(event.uncertainties()).isEmpty();
        assertThat(event.title()).isEqualTo("T");
    }

    @Test
    void storedOutcomeOfRevisionOneSaysItsReporterIsUnknown() throws Exception {
        IntermediateEventRepresentation upcast = upcast(OutcomeObservedEvent.class, """
                {"eventId": "e-2", "decisionId": "d-1", "orgUnit": "acme/eng", "occurredAt": "2024-02-10T10:00:00Z",
                 "recordedAt": "2024-02-10T10:00:01Z", "sourceTool": "t", "actor": "u-1",
                 "assessment": "failed", "summary": "S"}
                """);

        OutcomeObservedEvent event =
                json.treeToValue(upcast.getData(JsonNode.class).getData(), OutcomeObservedEvent.class);
        assertThat(event.reportedBy()).isEqualTo(ReportedBy.UNKNOWN);
        assertThat(upcast.getType().getRevision()).isEqualTo("2");
    }

    @Test
    void storedLessonOfRevisionOneCameFromNoReviewHasNoThemesAndAnUnknownPractice() throws Exception {
        IntermediateEventRepresentation upcast = upcast(LessonRecordedEvent.class, """
                {"eventId": "e-3", "lessonId": "l-1", "orgUnit": "acme/eng", "occurredAt": "2024-03-10T10:00:00Z",
                 "recordedAt": "2024-03-10T10:00:01Z", "sourceTool": "t", "actor": "u-1", "decisionIds": ["d-1"],
                 "lesson": "L", "thinkingChange": "C"}
                """);

        LessonRecordedEvent event =
                json.treeToValue(upcast.getData(JsonNode.class).getData(), LessonRecordedEvent.class);
        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        assertThat(event.reviewIds()).isEmpty();
        assertThat(event.themes()).isEmpty();
        assertThat(event.extractionPractice()).isEqualTo(ExtractionPractice.UNKNOWN);
        assertThat(event.decisionIds()).containsExactly("d-1");
    }

    private IntermediateEventRepresentation upcast(Class<?> type, String payload) {
        var entry = new GenericDomainEventEntry<>(
                "Decision",
                "d-1",
                0,
                "e-1",
                Instant.EPOCH,
                type.getName(),
                "1",
                payload.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
        List<IntermediateEventRepresentation> result = new ContractUpcaster()
                .upcast(Stream.of(new InitialEventRepresentation(entry, serializer)))
                .toList();
        assertThat(result).hasSize(1);
        return result.get(0);
    }
}
