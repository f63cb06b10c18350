package io.learningloop.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.learningloop.command.StepPoster.Answer;
import io.learningloop.testsupport.EventTopicReader;
import io.learningloop.testsupport.LocalStack;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The command service against the real PostgreSQL and Kafka of the local stack. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CommandServiceIntegrationTest {

    static final String SCHEMA = LocalStack.uniqueName("it_");
    static final String TOPIC = LocalStack.uniqueName("it-events-");

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry properties) {
        CommandServiceTestProperties.register(properties, SCHEMA, TOPIC, LocalStack.kafkaBootstrap());
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    StepPoster tool;

    @BeforeEach
    void setUp() {
        tool = new StepPoster("http://127.0.0.1:" + port, TestTool.keyIn(SCHEMA));
    }

    @Test
    void decisionIsStoredAsReadableJsonAndPublishedUnderTheKafkaContract() throws Exception {
        Answer answer = tool.post("/decisions", Requests.decision("it-d-1", "2025-03-01T10:00:00Z"));

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.body().get("decisionId").asText()).isEqualTo("it-d-1");
        assertThat(answer.body().get("alreadyRecorded").asBoolean()).isFalse();
        String eventId = answer.body().get("eventId").asText();

        String storedPayload = jdbc.queryForObject(
                "select convert_from(payload, 'UTF8') from domain_event_entry where aggregate_identifier = ?",
                String.class,
                "it-d-1");
        assertThat(new ObjectMapper().readTree(storedPayload).get("title").asText())
                .isEqualTo("Move billing to the new queue");

        try (EventTopicReader reader = new EventTopicReader(TOPIC)) {
            ConsumerRecord<String, byte[]> record = await().atMost(Duration.ofSeconds(30))
                    .until(() -> find(reader.poll(), "it-d-1"), found -> found != null);
            assertThat(header(record, "event-id")).isEqualTo(eventId);
            assertThat(header(record, "event-type")).isEqualTo("DecisionMade");
            assertThat(header(record, "event-revision")).isEqualTo("2");
            assertThat(header(record, "aggregate-sequence")).isEqualTo("0");
            JsonNode value = new ObjectMapper().readTree(record.value());
            assertThat(value.get("eventId").asText()).isEqualTo(eventId);
            assertThat(value.get("category").asText()).isEqualTo("operations");
            assertThat(value.get("occurredAt").asText()).isEqualTo("2025-03-01T10:00:00Z");
        }
    }

    /**
     * The service stores steps through its own connections as the stack's service role, which cannot
     * change what it stored (AppendOnlyEventStoreIntegrationTest covers every refusal).
     */
    @Test
    void serviceStoresStepsAsARoleThatCannotRewriteThem() {
        assertThat(tool.post("/decisions", Requests.decision("it-d-ro", "2025-03-01T10:00:00Z"))
                        .status())
                .isEqualTo(201);

        assertThat(jdbc.queryForObject("select current_user", String.class)).isEqualTo(LocalStack.postgresUser());
        assertThat(jdbc.queryForObject(
                        "select count(*) from domain_event_entry where aggregate_identifier = 'it-d-ro'", Long.class))
                .isEqualTo(1L);
        assertThatThrownBy(() -> jdbc.update("update domain_event_entry set payload_type = payload_type"
                        + " where aggregate_identifier = 'it-d-ro'"))
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("permission denied for table domain_event_entry");
    }

    @Test
    void eventStoreAvoidsLargeObjectsAndGlobalIndexGaps() {
        List<String> binaryColumns = jdbc.queryForList("""
                select data_type from information_schema.columns
                where table_schema = ? and table_name = 'domain_event_entry' and column_name in ('payload', 'meta_data')
                """, String.class, SCHEMA);
        assertThat(binaryColumns).containsOnly("bytea").hasSize(2);
        Long increment = jdbc.queryForObject(
                "select increment_by from pg_sequences"
                        + " where schemaname = ? and sequencename = 'domain_event_entry_seq'",
                Long.class,
                SCHEMA);
        assertThat(increment).isEqualTo(1L);
    }

    @Test
    void invalidFieldsAreRefusedOneByOneAndNothingIsStored() {
        long eventsBefore = eventCount();
        Answer answer = tool.post("/decisions", """
                {"decisionId": "it-bad", "orgUnit": "Acme/Eng", "occurredAt": "2025-03-01T10:00:00Z",
                 "sourceTool": "retro-tool", "actor": "jane\\ndoe", "title": "",
                 "category": "operations", "expectedOutcome": "x", "confidence": 1.5, "reviewBy": "2025-06-30"}
                """);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("type").asText()).isEqualTo("urn:learning-loop:problem:invalid-step");
        assertThat(answer.body().get("errors").findValuesAsText("field"))
                .containsExactly("actor", "confidence", "orgUnit", "title");
        assertThat(eventCount()).isEqualTo(eventsBefore);
    }

    @Test
    void unknownCategoryIsRefusedWithTheAcceptedValues() {
        Answer answer = tool.post(
                "/decisions",
                Requests.decision("it-cat", "2025-03-01T10:00:00Z").replace("\"operations\"", "\"hunch\""));

        assertThat(answer.status()).isEqualTo(400);
        JsonNode error = answer.body().get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("category");
        assertThat(error.get("message").asText())
                .contains("'hunch' is not one of [strategy, talent, org-design, product, operations, other]");
    }

    @Test
    void loopRulesHoldOverHttp() {
        assertThat(tool.post("/decisions", Requests.decision("it-d-10", "2024-01-10T09:00:00Z"))
                        .status())
                .isEqualTo(201);

        Answer early = tool.post("/decisions/it-d-10/outcome", Requests.outcome("2024-01-09T09:00:00Z"));
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.body().get("errors").get(0).get("field").asText()).isEqualTo("occurredAt");

        Answer unknownDecision = tool.post("/decisions/it-nope/outcome", Requests.outcome("2024-03-01T09:00:00Z"));
        assertThat(unknownDecision.status()).isEqualTo(404);
        assertThat(unknownDecision.body().get("errors").get(0).get("field").asText())
                .isEqualTo("decisionId");

        assertThat(tool.post("/decisions/it-d-10/outcome", Requests.outcome("2024-03-01T09:00:00Z"))
                        .status())
                .isEqualTo(201);

        Answer orphan = tool.post("/lessons", Requests.lesson("it-l-x", "2024-04-01T09:00:00Z", "it-missing"));
        assertThat(orphan.status()).isEqualTo(404);
        assertThat(orphan.body().get("detail").asText()).isEqualTo("no decision with id 'it-missing'");

        Answer lesson = tool.post("/lessons", Requests.lesson("it-l-10", "2024-04-01T09:00:00Z", "it-d-10"));
        assertThat(lesson.status()).isEqualTo(201);

        Answer retry = tool.post("/lessons", Requests.lesson("it-l-10", "2024-04-01T09:00:00Z", "it-d-10"));
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body().get("alreadyRecorded").asBoolean()).isTrue();
        assertThat(retry.body().get("eventId").asText())
                .isEqualTo(lesson.body().get("eventId").asText());

        Answer conflicting = tool.post("/lessons", Requests.lesson("it-l-10", "2024-05-01T09:00:00Z", "it-d-10"));
        assertThat(conflicting.status()).isEqualTo(409);

        assertThat(tool.post("/decisions", Requests.decision("it-d-11", "2025-02-01T09:00:00Z"))
                        .status())
                .isEqualTo(201);
        Answer change = tool.post(
                "/behavior-changes", Requests.behaviorChange("it-b-10", "2025-02-01T09:00:00Z", "it-d-11", "it-l-10"));
        assertThat(change.status()).isEqualTo(201);

        Answer backwards = tool.post(
                "/behavior-changes", Requests.behaviorChange("it-b-11", "2025-02-01T09:00:00Z", "it-d-10", "it-l-10"));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body().get("errors").get(0).get("field").asText()).isEqualTo("decisionId");

        assertThat(jdbc.queryForObject(
                        "select count(*) from domain_event_entry"
                                + " where aggregate_identifier in ('it-d-10', 'it-l-10', 'it-d-11', 'it-b-10')",
                        Long.class))
                .isEqualTo(5L);
    }

    @Test
    void reviewsActionsAndSharingArePostedOverHttp() {
        assertThat(tool.post("/decisions", Requests.decision("it-d-20", "2024-01-10T09:00:00Z"))
                        .status())
                .isEqualTo(201);
        assertThat(tool.post("/reviews", Requests.review("it-r-20", "2024-02-01T09:00:00Z", "it-d-20"))
                        .status())
                .isEqualTo(201);
        Answer unknownTheme = tool.post(
                "/reviews",
                Requests.review("it-r-21", "2024-02-01T09:00:00Z", "it-d-20").replace("\"ownership\"", "\"bad-luck\""));
        assertThat(unknownTheme.status()).isEqualTo(400);
        assertThat(unknownTheme.body().get("errors").get(0).get("field").asText())
                .isEqualTo("rootCauses");

        assertThat(tool.post("/actions", Requests.action("it-a-20", "2024-02-01T09:00:00Z", "it-r-20", "2024-03-01"))
                        .status())
                .isEqualTo(201);
        assertThat(tool.post("/actions/it-a-20/completion", Requests.completion("2024-02-20T09:00:00Z"))
                        .status())
                .isEqualTo(201);
        Answer dropAfterCompletion = tool.post("/actions/it-a-20/drop", """
                {"occurredAt": "2024-02-21T09:00:00Z", "sourceTool": "tracker", "actor": "u-0815", "reason": "x"}
                """);
        assertThat(dropAfterCompletion.status()).isEqualTo(409);
        assertThat(tool.post("/actions/it-a-404/completion", Requests.completion("2024-02-20T09:00:00Z"))
                        .status())
                .isEqualTo(404);

        assertThat(tool.post("/lessons", Requests.lesson("it-l-20", "2024-02-02T09:00:00Z", "it-d-20"))
                        .status())
                .isEqualTo(201);
        assertThat(tool.post("/lessons/it-l-20/shares", Requests.share("2024-02-10T09:00:00Z", "acme/sales"))
                        .status())
                .isEqualTo(201);
        assertThat(tool.post("/lessons/it-l-20/shares", Requests.share("2024-02-12T09:00:00Z", "acme/sales"))
                        .body()
                        .get("alreadyRecorded")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void idOfAnotherKindOfStepIsAConflictNotAFailure() {
        assertThat(tool.post("/decisions", Requests.decision("it-d-30", "2024-01-10T09:00:00Z"))
                        .status())
                .isEqualTo(201);
        Answer lessonWithDecisionsId =
                tool.post("/lessons", Requests.lesson("it-d-30", "2024-02-02T09:00:00Z", "it-d-30"));
        assertThat(lessonWithDecisionsId.status()).isEqualTo(409);
        assertThat(lessonWithDecisionsId.contentType()).startsWith("application/problem+json");
    }

    private long eventCount() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    private static ConsumerRecord<String, byte[]> find(List<ConsumerRecord<String, byte[]>> records, String key) {
        return records.stream()
                .filter(record -> key.equals(record.key()))
                .findFirst()
                .orElse(null);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
