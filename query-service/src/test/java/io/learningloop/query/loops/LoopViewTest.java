package io.learningloop.query.loops;

import static io.learningloop.testsupport.SampleEvents.actionAssigned;
import static io.learningloop.testsupport.SampleEvents.decisionWithCheckIns;
import static io.learningloop.testsupport.SampleEvents.lesson;
import static io.learningloop.testsupport.SampleEvents.outcome;
import static io.learningloop.testsupport.SampleEvents.review;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.learningloop.codec.kafka.EventEnvelope;
import io.learningloop.contract.EventTypes;
import io.learningloop.contract.events.LoopEvent;
import io.learningloop.projection.elasticsearch.Indices;
import io.learningloop.readmodel.LoopDocument;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/** The API answers the stored loop less the projection's bookkeeping, and nothing else changes. */
class LoopViewTest {

    /** As Spring Boot configures the HTTP answers' mapper. */
    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json()
            .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private final LoopsProjection projection = new LoopsProjection(new Indices("test-"));

    @Test
    void theViewIsTheStoredDocumentFieldForFieldWithoutItsSequences() throws Exception {
        LoopDocument stored = null;
        for (LoopEvent event : List.of(
                decisionWithCheckIns("d-1", "acme/eng", "2025-01-01T00:00:00Z", "2025-01-05"),
                outcome("d-1", "acme/eng", "2025-01-11T00:00:00Z"),
                lesson("l-1", "acme/eng", "2025-01-13T12:00:00Z", "d-1"),
                review("r-1", "acme/eng", "2025-01-12T00:00:00Z", "d-1"),
                actionAssigned("a-1", "r-1", "2025-01-12T00:00:00Z", "2025-02-01", "d-1"))) {
            stored = projection.apply(
                    "d-1", stored, new EventEnvelope(event, EventTypes.name(event.getClass()), "1", 3, "t", 0, 0));
        }
        ObjectNode expected = (ObjectNode) json.readTree(json.writeValueAsString(stored));
        expected.remove("decisionSequence");
        ((ObjectNode) expected.get("outcome")).remove("sequence");
        expected.get("actions").forEach(action -> ((ObjectNode) action).remove("sequence"));

        String answered = json.writeValueAsString(LoopView.of(stored));

        assertThat(stored.decisionSequence()).isEqualTo(3L);
        assertThat(answered).isEqualTo(json.writeValueAsString(expected)).doesNotContain("equence");
    }
}
