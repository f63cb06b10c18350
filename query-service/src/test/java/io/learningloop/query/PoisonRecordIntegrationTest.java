package io.learningloop.query;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.learningloop.access.testing.TestKeys;
import io.learningloop.codec.kafka.EventEncoder;
import io.learningloop.contract.events.DecisionCategory;
import io.learningloop.contract.events.DecisionMadeEvent;
import io.learningloop.testsupport.ConsumerGroups;
import io.learningloop.testsupport.EventTopicWriter;
import io.learningloop.testsupport.LocalStack;
import io.learningloop.testsupport.ProjectionServiceTestProperties;
import io.learningloop.testsupport.SampleEvents;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The poison record, as the running query service sees it: a decision whose review day Java
 * holds and Elasticsearch refuses ({@code +999999999-12-31}), then 100 valid decisions on the same
 * partition under the same key. The 100 reach {@code /loops}, the poison one is parked with its reason;
 * health answers 200 DEGRADED, the metric counts it, {@code /actuator/deadletters} lists it, and a
 * re-drive keeps it parked while the refusal lasts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PoisonRecordIntegrationTest {

    static final String TOPIC = LocalStack.uniqueName("it-poison-events-");
    static final String PREFIX = LocalStack.uniqueName("it-poison-") + "-";
    static final String GROUP = LocalStack.uniqueName("it-poison-query-");

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry properties) {
        ProjectionServiceTestProperties.register(properties, TOPIC, GROUP, PREFIX);
    }

    @LocalServerPort
    int port;

    @Autowired
    ElasticsearchClient elasticsearch;

    private final ObjectMapper json = new ObjectMapper();
    private final EventEncoder encoder = new EventEncoder();

    @Test
    void theHundredEventsAfterAPoisonRecordAreProjectedAndThePoisonRecordIsParked() throws Exception {
        try (EventTopicWriter kafka = new EventTopicWriter(TOPIC)) {
            kafka.send(onOnePartition(decision("q-poison", LocalDate.MAX)));
            for (int i = 1; i <= 100; i++) {
                kafka.send(onOnePartition(decision("q-after-" + i, LocalDate.parse("2026-06-01"))));
            }
        }
        ConsumerGroups.awaitCaughtUp(GROUP, TOPIC);

        assertThat(get("/loops?orgUnit=poison&size=1", 200).get("total").asLong())
                .isEqualTo(100);
        assertThat(get("/loops/q-after-100", 200).get("loop").get("reviewBy").asText())
                .isEqualTo("2026-06-01");
        assertThat(get("/loops/q-poison", 404).get("status").asInt()).isEqualTo(404);

        JsonNode health = get("/actuator/health", 200);
        assertThat(health.get("status").asText()).isEqualTo("DEGRADED");
        JsonNode projection = health.get("components").get("projection");
        assertThat(projection.get("status").asText()).isEqualTo("DEGRADED");
        assertThat(projection.get("details").get("parkedRecords").asLong()).isEqualTo(1);
        assertThat(projection.get("details").get("lastParkedReason").asText())
                .startsWith("loops: Elasticsearch refused document q-poison: ")
                .contains("failed to parse field [reviewBy]")
                .doesNotContain("document_parsing_exception");

        JsonNode parked = get("/actuator/deadletters", 200);
        assertThat(parked.get("count").asLong()).isEqualTo(1);
        JsonNode record = parked.get("records").get(0);
        assertThat(record.get("projection").asText()).isEqualTo("loops");
        assertThat(record.get("reasonKind").asText()).isEqualTo("elasticsearch-refused");
        assertThat(record.get("eventId").asText()).isEqualTo("e-q-poison");
        assertThat(record.get("eventType").asText()).isEqualTo("DecisionMade");
        assertThat(record.get("key").asText()).isEqualTo("poison-key");
        assertThat(record.get("offset").asLong()).isZero();

        // Exported as learningloop_projection_parked_total{projection="loops",reason="elasticsearch-refused"}.
        JsonNode counter = get(
                "/actuator/metrics/learningloop.projection.parked?tag=projection:loops&tag=reason:elasticsearch-refused",
                200);
        assertThat(counter.get("measurements").get(0).get("value").asDouble()).isEqualTo(1.0);

        // Elasticsearch still refuses the day: a re-drive keeps the record parked.
        JsonNode redrive =
                send(HttpRequest.newBuilder(uri("/actuator/deadletters")).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(redrive.get("redriven").asInt()).isZero();
        assertThat(redrive.get("stillParked").asInt()).isEqualTo(1);
        assertThat(get("/actuator/deadletters", 200).get("count").asLong()).isEqualTo(1);
    }

    private static DecisionMadeEvent decision(String id, LocalDate reviewBy) {
        DecisionMadeEvent valid = SampleEvents.decision(id, "poison", DecisionCategory.PRODUCT, "2026-01-05T09:00:00Z");
        return new DecisionMadeEvent(
                valid.eventId(),
                valid.decisionId(),
                valid.orgUnit(),
                valid.occurredAt(),
                valid.recordedAt(),
                valid.sourceTool(),
                valid.actor(),
                valid.title(),
                valid.category(),
                valid.expectedOutcome(),
                valid.confidence(),
                reviewBy,
                valid.informedByLessonIds(),
                valid.checkInDates(),
                valid.leadingIndicators(),
                valid.uncertainties());
    }

    /** As the command service publishes it, but all on partition 0 under one key. */
    private ProducerRecord<String, byte[]> onOnePartition(DecisionMadeEvent event) {
        ProducerRecord<String, byte[]> record = encoder.toRecord(TOPIC, event, 0);
        return new ProducerRecord<>(TOPIC, 0, "poison-key", record.value(), record.headers());
    }

    /** An operator's key: it reads loops and the dead letters (every scope over the test's unit). */
    private static final TestKeys.Issued OPERATOR = TestKeys.everything("poison");

    @BeforeAll
    static void createTheOperatorsKey() {
        TestKeys.createInLocalStack(OPERATOR);
    }

    private JsonNode get(String path, int expectedStatus) throws Exception {
        elasticsearch.indices().refresh(refresh -> refresh.index(PREFIX + "*"));
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(uri(path))
                                .header("Authorization", OPERATOR.bearer())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return json.readTree(response.body());
    }

    private JsonNode send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(request.header("Authorization", OPERATOR.bearer()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
