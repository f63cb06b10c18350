package io.learningloop.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.learningloop.command.StepPoster.Answer;
import io.learningloop.testsupport.EventTopicReader;
import io.learningloop.testsupport.LocalStack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Amending and retracting steps over HTTP, against the real PostgreSQL and Kafka of the local stack. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CorrectionsIntegrationTest {

    static final String SCHEMA = LocalStack.uniqueName("it_");
    static final String TOPIC = LocalStack.uniqueName("it-events-");
    private static final ObjectMapper JSON = new ObjectMapper();

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
    void amendmentIsStoredOncePublishedOnTheStepsKeyAndAnsweredAgainWithItsEventId() throws Exception {
        assertThat(tool.post("/decisions", Requests.decision("co-d-1", "2025-03-01T10:00:00Z"))
                        .status())
                .isEqualTo(201);
        String corrected = Requests.decision("co-d-1", "2025-03-01T10:00:00Z").replace("0.7", "0.4");

        Answer amended = tool.post("/decisions/co-d-1/amendment", Requests.amendment(corrected));
        Answer again = tool.post("/decisions/co-d-1/amendment", Requests.amendment(corrected));
        Answer original = tool.post("/decisions", Requests.decision("co-d-1", "2025-03-01T10:00:00Z"));

        assertThat(amended.status()).isEqualTo(201);
        String eventId = amended.body().get("eventId").asText();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("eventId").asText()).isEqualTo(eventId);
        assertThat(again.body().get("alreadyRecorded").asBoolean()).isTrue();
        assertThat(original.status())
                .as("the original posted again is a repeat")
                .isEqualTo(200);
        assertThat(eventsOf("co-d-1")).containsExactly("DecisionMadeEvent", "StepAmendedEvent");

        try (EventTopicReader reader = new EventTopicReader(TOPIC)) {
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                reader.poll().stream()
                        .filter(record -> "co-d-1".equals(record.key()))
                        .forEach(records::add);
                return records.size() >= 2;
            });
            ConsumerRecord<String, byte[]> amendment = records.get(1);
            assertThat(header(amendment, "event-type")).isEqualTo("StepAmended");
            assertThat(header(amendment, "event-id")).isEqualTo(eventId);
            assertThat(header(amendment, "aggregate-sequence")).isEqualTo("1");
            JsonNode value = JSON.readTree(amendment.value());
            assertThat(value.at("/correction/eventType").asText()).isEqualTo("DecisionMade");
            assertThat(value.at("/correction/confidence").asDouble()).isEqualTo(0.4);
            assertThat(value.at("/correction/eventId").asText()).isEqualTo(header(records.get(0), "event-id"));
            assertThat(value.get("correctionRevision").asText()).isEqualTo("2");
        }
    }

    @Test
    void stepsAreRetractedOnlyAfterTheStepsThatBuildOnThemAndTakeNoFurtherSteps() {
        tool.post("/decisions", Requests.decision("co-d-2", "2025-03-01T10:00:00Z"));
        tool.post("/decisions", Requests.decision("co-d-3", "2025-05-01T10:00:00Z"));
        tool.post("/lessons", Requests.lesson("co-l-2", "2025-04-01T10:00:00Z", "co-d-2"));
        tool.post("/behavior-changes", Requests.behaviorChange("co-b-2", "2025-05-02T10:00:00Z", "co-d-3", "co-l-2"));

        Answer refused = tool.post("/decisions/co-d-2/retraction", Requests.retraction());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("detail").asText())
                .isEqualTo("decision 'co-d-2' cannot be retracted while"
                        + " lesson 'co-l-2' build on it: retract those first");
        assertThat(tool.post("/lessons/co-l-2/retraction", Requests.retraction())
                        .status())
                .isEqualTo(409);

        assertThat(tool.post("/behavior-changes/co-b-2/retraction", Requests.retraction())
                        .status())
                .isEqualTo(201);
        assertThat(tool.post("/lessons/co-l-2/retraction", Requests.retraction())
                        .status())
                .isEqualTo(201);
        Answer retracted = tool.post("/decisions/co-d-2/retraction", Requests.retraction());
        Answer again = tool.post("/decisions/co-d-2/retraction", Requests.retraction());

        assertThat(retracted.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("eventId")).isEqualTo(retracted.body().get("eventId"));
        Answer outcome = tool.post("/decisions/co-d-2/outcome", Requests.outcome("2025-06-01T10:00:00Z"));
        assertThat(outcome.status()).isEqualTo(409);
        assertThat(outcome.body().get("type").asText()).isEqualTo("urn:learning-loop:problem:conflicting-step");
        Answer lesson = tool.post("/lessons", Requests.lesson("co-l-9", "2025-07-01T10:00:00Z", "co-d-2"));
        assertThat(lesson.status()).as("a retracted decision is no reference").isEqualTo(404);
        Answer reused = tool.post("/lessons", Requests.lesson("co-d-2", "2025-07-01T10:00:00Z", "co-d-3"));
        assertThat(reused.status()).as("its id stays used").isEqualTo(409);
        assertThat(jdbc.queryForList("select step_id from known_step where retracted order by step_id", String.class))
                .containsExactly("co-b-2", "co-d-2", "co-l-2");
    }

    @Test
    void badCorrectionsAreProblemsAndStoreNothing() {
        tool.post("/decisions", Requests.decision("co-d-4", "2025-03-01T10:00:00Z"));
        tool.post("/decisions/co-d-4/outcome", Requests.outcome("2025-04-01T10:00:00Z"));
        long before = eventsOf("co-d-4").size();

        Answer invalid = tool.post("/decisions/co-d-4/amendment", """
                {"sourceTool": "fix-tool", "actor": "jane\\ndoe",
                 "correction": %s}""".formatted(
                        Requests.decision("co-d-4", "2025-03-01T10:00:00Z").replace("0.7", "1.7")));
        Answer otherId = tool.post(
                "/decisions/co-d-4/amendment", Requests.amendment(Requests.decision("co-d-5", "2025-03-01T10:00:00Z")));
        Answer afterOutcome = tool.post(
                "/decisions/co-d-4/amendment", Requests.amendment(Requests.decision("co-d-4", "2025-05-01T10:00:00Z")));
        Answer unknown = tool.post("/decisions/co-missing/retraction", Requests.retraction());
        Answer outcomeBeforeDecision = tool.post(
                "/decisions/co-d-4/outcome/amendment", Requests.amendment(Requests.outcome("2025-02-01T10:00:00Z")));

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().get("errors").findValuesAsText("field"))
                .containsExactly("actor", "correction.confidence", "reason");
        assertThat(otherId.status()).isEqualTo(400);
        assertThat(otherId.body().get("errors").findValuesAsText("field")).containsExactly("correction.decisionId");
        assertThat(afterOutcome.status()).isEqualTo(400);
        assertThat(afterOutcome.body().get("detail").asText())
                .isEqualTo("the decision cannot move after its observed outcome, at 2025-04-01T10:00:00Z");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(outcomeBeforeDecision.status())
                .as("an outcome cannot precede its decision")
                .isEqualTo(400);
        assertThat(eventsOf("co-d-4")).hasSize((int) before);
    }

    /**
     * The migration reads the references of steps accepted before it from the stored events; it must
     * find exactly what the step lookup writes for steps accepted since.
     */
    @Test
    void migrationBackfillsTheReferencesTheStepLookupWouldHaveWritten() throws IOException {
        tool.post("/decisions", Requests.decision("co-d-6", "2025-03-01T10:00:00Z"));
        tool.post("/reviews", Requests.review("co-r-6", "2025-03-10T10:00:00Z", "co-d-6"));
        tool.post("/actions", Requests.action("co-a-6", "2025-03-10T10:00:00Z", "co-r-6", "2025-04-01"));
        tool.post("/lessons", Requests.lesson("co-l-6", "2025-04-01T10:00:00Z", "co-d-6"));
        tool.post(
                "/decisions",
                Requests.decision("co-d-7", "2025-05-01T10:00:00Z")
                        .replace("\"reviewBy\"", "\"informedByLessonIds\": [\"co-l-6\"], \"reviewBy\""));
        tool.post("/behavior-changes", Requests.behaviorChange("co-b-6", "2025-05-02T10:00:00Z", "co-d-7", "co-l-6"));
        String query = "select step_id, referenced_id from step_reference where step_id like 'co-%'"
                + " order by step_id, referenced_id";
        List<Map<String, Object>> written = jdbc.queryForList(query);

        String migration = Files.readString(Path.of(System.getProperty("basedir", "."))
                .resolve("src/main/resources/db/migration/V3__corrections.sql"));
        jdbc.update("delete from step_reference where step_id like 'co-%'");
        jdbc.update(migration.substring(migration.indexOf("insert into step_reference")));

        assertThat(jdbc.queryForList(query)).isEqualTo(written);
        assertThat(written)
                .extracting(row -> row.get("step_id") + ">" + row.get("referenced_id"))
                .contains(
                        "co-r-6>co-d-6",
                        "co-a-6>co-r-6",
                        "co-l-6>co-d-6",
                        "co-d-7>co-l-6",
                        "co-b-6>co-l-6",
                        "co-b-6>co-d-7");
    }

    private List<String> eventsOf(String aggregateId) {
        return jdbc
                .queryForList(
                        "select payload_type from domain_event_entry where aggregate_identifier = ?"
                                + " order by sequence_number",
                        String.class,
                        aggregateId)
                .stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1))
                .toList();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
