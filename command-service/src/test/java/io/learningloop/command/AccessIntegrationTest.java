package io.learningloop.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.learningloop.access.Scope;
import io.learningloop.access.keys.JdbcApiKeyStore;
import io.learningloop.access.testing.TestKeys;
import io.learningloop.command.StepPoster.Answer;
import io.learningloop.testsupport.EventTopicReader;
import io.learningloop.testsupport.LocalStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Who may write what, on the real stack: keys checked against the real key table, units checked by the
 * real aggregates, and who wrote each event recorded in the event store and on the topic.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessIntegrationTest {

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

    /** The platform team's tool: Requests' steps lie in acme/eng/platform. */
    TestKeys.Issued platformTool;
    /** A tool of sales: the same org, another subtree. */
    TestKeys.Issued salesTool;

    @BeforeEach
    void keys() {
        platformTool = TestKeys.createIn(
                TestTool.owner(SCHEMA), TestKeys.issue("platform-tool", Set.of(Scope.STEPS_WRITE), "acme/eng"));
        salesTool = TestKeys.createIn(
                TestTool.owner(SCHEMA), TestKeys.issue("sales-tool", Set.of(Scope.STEPS_WRITE), "acme/sales"));
    }

    @Test
    void withoutAKeyNothingIsStored() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/decisions"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        Requests.decision("acc-anon", "2025-03-01T10:00:00Z")))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(eventsOf("acc-anon")).isZero();
    }

    @Test
    void aKeyCannotWriteAnotherUnitNorCorrectNorAddToItsSteps() {
        StepPoster platform = new StepPoster("http://127.0.0.1:" + port, platformTool);
        StepPoster sales = new StepPoster("http://127.0.0.1:" + port, salesTool);
        assertThat(platform.post("/decisions", Requests.decision("acc-d-1", "2025-03-01T10:00:00Z"))
                        .status())
                .isEqualTo(201);

        Answer written = sales.post("/decisions", Requests.decision("acc-d-2", "2025-03-01T10:00:00Z"));
        assertThat(written.status()).isEqualTo(403);
        assertThat(written.body().get("type").asText()).isEqualTo("urn:learning-loop:problem:outside-units");
        assertThat(written.body().at("/errors/0/field").asText()).isEqualTo("orgUnit");
        // Not a unit it names: the decision's, as recorded; only the aggregate knows it.
        Answer retracted = sales.post(
                "/decisions/acc-d-1/retraction",
                "{\"sourceTool\": \"sales-tool\", \"actor\": \"u-1\", \"reason\": \"not ours\"}");
        assertThat(retracted.status()).isEqualTo(403);
        assertThat(retracted.body().get("detail").asText())
                .isEqualTo("org unit 'acme/eng/platform' lies outside the org units of this key");
        assertThat(sales.post("/decisions/acc-d-1/outcome", Requests.outcome("2025-04-01T10:00:00Z"))
                        .status())
                .isEqualTo(403);
        // Moving it to sales needs both units: the platform key holds only one of them.
        Answer moved = platform.post("/decisions/acc-d-1/amendment", """
                {"sourceTool": "fix-tool", "actor": "u-2", "reason": "wrong unit", "correction":
                %s}""".formatted(
                Requests.decision("acc-d-1", "2025-03-01T10:00:00Z").replace("acme/eng/platform", "acme/sales")));
        assertThat(moved.status()).isEqualTo(403);
        assertThat(moved.body().at("/errors/0/field").asText()).isEqualTo("correction.orgUnit");

        assertThat(eventsOf("acc-d-1")).isEqualTo(1);
        assertThat(eventsOf("acc-d-2")).isZero();
    }

    @Test
    void aRevokedKeyIsRefusedFromItsNextRequestOn() {
        StepPoster platform = new StepPoster("http://127.0.0.1:" + port, platformTool);
        assertThat(platform.post("/decisions", Requests.decision("acc-r-1", "2025-03-01T10:00:00Z"))
                        .status())
                .isEqualTo(201);

        new JdbcApiKeyStore(TestTool.owner(SCHEMA)).revoke(platformTool.key().keyId(), Instant.now());

        Answer refused = platform.post("/decisions", Requests.decision("acc-r-2", "2025-03-01T10:00:00Z"));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body().get("type").asText()).isEqualTo("urn:learning-loop:problem:unauthenticated");
        assertThat(eventsOf("acc-r-2")).isZero();
    }

    @Test
    void theKeyThatWroteAnEventIsRecordedInTheStoreAndOnTheTopic() throws Exception {
        StepPoster platform = new StepPoster("http://127.0.0.1:" + port, platformTool);
        assertThat(platform.post("/decisions", Requests.decision("acc-w-1", "2025-03-01T10:00:00Z"))
                        .status())
                .isEqualTo(201);

        String metaData = jdbc.queryForObject(
                "select convert_from(meta_data, 'UTF8') from domain_event_entry where aggregate_identifier = ?",
                String.class,
                "acc-w-1");
        var stored = new ObjectMapper().readTree(metaData);
        assertThat(stored.get("apiKeyId").asText()).isEqualTo(platformTool.key().keyId());
        assertThat(stored.get("apiKeyName").asText()).isEqualTo("platform-tool");
        assertThat(stored.has("writerOrgUnits"))
                .as("the key's units stay with the command")
                .isFalse();

        try (EventTopicReader reader = new EventTopicReader(TOPIC)) {
            ConsumerRecord<String, byte[]> record = await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> reader.poll().stream()
                                    .filter(found -> "acc-w-1".equals(found.key()))
                                    .findFirst()
                                    .orElse(null),
                            found -> found != null);
            assertThat(new String(record.headers().lastHeader("written-by-key").value(), StandardCharsets.UTF_8))
                    .isEqualTo(platformTool.key().keyId());
        }
    }

    private long eventsOf(String aggregateId) {
        return jdbc.queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class, aggregateId);
    }
}
