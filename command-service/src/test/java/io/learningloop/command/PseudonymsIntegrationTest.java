package io.learningloop.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.learningloop.access.testing.TestKeys;
import io.learningloop.command.pseudonyms.Pseudonymiser;
import io.learningloop.command.pseudonyms.TestPseudonyms;
import io.learningloop.testsupport.EventTopicReader;
import io.learningloop.testsupport.LocalStack;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Whatever identity a tool sends for a person, over a single endpoint or in a bulk line, as a step or a
 * correction, only its pseudonym reaches PostgreSQL and Kafka: the stored payloads and metadata and the
 * published records are scanned for the raw values. Re-posts (the same file again, a step read back with
 * its pseudonym) stay repeats.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PseudonymsIntegrationTest {

    static final String SCHEMA = LocalStack.uniqueName("it_");
    static final String TOPIC = LocalStack.uniqueName("it-events-");
    static final String JANE = "Jane.Doe@Acme.example";
    static final String OLE = "ole.owner@acme.example";
    static final String FIXER = "Fixer.Person";
    /** Lower case, as every raw value is searched: the stores must hold none of them in any case. */
    static final List<String> RAW = List.of("jane.doe", "ole.owner", "fixer.person", "acme.example");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pseudonymiser PSEUDONYMS = TestPseudonyms.pseudonymiser();

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry properties) {
        CommandServiceTestProperties.register(properties, SCHEMA, TOPIC, LocalStack.kafkaBootstrap());
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    /** The tool's key, for single steps and the bulk file alike. */
    private TestKeys.Issued key;

    @Test
    void noRawIdentityReachesTheEventStoreOrKafkaAndRepostsStayRepeats() throws Exception {
        key = TestTool.keyIn(SCHEMA);
        StepPoster tool = new StepPoster("http://127.0.0.1:" + port, key);
        String decision = people(Requests.decision("ps-d-1", "2024-01-10T09:00:00Z"));
        assertThat(tool.post("/decisions", decision).status()).isEqualTo(201);
        assertThat(tool.post("/decisions/ps-d-1/outcome", people(Requests.outcome("2024-03-01T09:00:00Z")))
                        .status())
                .isEqualTo(201);
        assertThat(tool.post("/reviews", people(Requests.review("ps-r-1", "2024-03-05T09:00:00Z", "ps-d-1")))
                        .status())
                .isEqualTo(201);
        assertThat(tool.post(
                                "/actions",
                                people(Requests.action("ps-a-1", "2024-03-05T10:00:00Z", "ps-r-1", "2024-04-01")))
                        .status())
                .isEqualTo(201);
        String amendment = people(Requests.amendment(decision.replace("0.7", "0.6")));
        assertThat(tool.post("/decisions/ps-d-1/amendment", amendment).status()).isEqualTo(201);
        // The same corrector again, this time as another tool spells them: still the same correction.
        assertThat(tool.post("/decisions/ps-d-1/amendment", amendment.replace(FIXER, "  fixer.PERSON"))
                        .body()
                        .get("alreadyRecorded")
                        .asBoolean())
                .isTrue();

        List<String> file = List.of(
                bulkLine("decision", people(Requests.decision("ps-d-2", "2024-02-10T09:00:00Z"))),
                bulkLine("lesson", people(Requests.lesson("ps-l-1", "2024-03-10T09:00:00Z", "ps-d-1"))),
                bulkLine(
                        "action",
                        people(Requests.action("ps-a-2", "2024-03-05T11:00:00Z", "ps-r-1", "2024-04-01"))
                                .replace(OLE, OLE.toUpperCase(Locale.ROOT))),
                bulkLine("action-completion", people(Requests.completion("2024-03-20T09:00:00Z")))
                        .replace("{\"step\"", "{\"actionId\": \"ps-a-2\", \"step\""),
                bulkLine("decision-retraction", people(Requests.retraction()))
                        .replace("{\"step\"", "{\"decisionId\": \"ps-d-2\", \"step\""));
        assertThat(bulk(file)).containsExactly(201, 201, 201, 201, 201);
        assertThat(bulk(file)).containsExactly(200, 200, 200, 200, 200);

        String jane = PSEUDONYMS.pseudonym(JANE);
        assertThat(jane).isEqualTo(TestPseudonyms.JANE);
        // A step read back with its pseudonym and posted again, single and bulk: a repeat, not a new person.
        String original = people(Requests.decision("ps-d-3", "2024-05-10T09:00:00Z"));
        assertThat(tool.post("/decisions", original).status()).isEqualTo(201);
        String readBack = original.replace(JANE, jane);
        assertThat(tool.post("/decisions", readBack)
                        .body()
                        .get("alreadyRecorded")
                        .asBoolean())
                .isTrue();
        assertThat(bulk(List.of(bulkLine("decision", readBack)))).containsExactly(200);

        List<Map<String, Object>> stored =
                jdbc.queryForList("select aggregate_identifier, convert_from(payload, 'UTF8') as payload,"
                        + " convert_from(meta_data, 'UTF8') as meta_data from domain_event_entry");
        assertThat(stored).hasSize(11);
        Set<String> people = new TreeSet<>();
        for (Map<String, Object> row : stored) {
            String payload = (String) row.get("payload");
            assertThat(payload.toLowerCase(Locale.ROOT)).doesNotContain(RAW);
            assertThat(((String) row.get("meta_data")).toLowerCase(Locale.ROOT)).doesNotContain(RAW);
            people.addAll(JSON.readTree(payload).findValuesAsText("actor"));
            people.addAll(JSON.readTree(payload).findValuesAsText("owner"));
        }
        assertThat(people)
                .containsExactlyInAnyOrder(jane, PSEUDONYMS.pseudonym(OLE), PSEUDONYMS.pseudonym(FIXER))
                .allMatch(Pseudonymiser::isPseudonym);

        try (EventTopicReader reader = new EventTopicReader(TOPIC)) {
            List<ConsumerRecord<String, byte[]>> records =
                    await().atMost(Duration.ofSeconds(30)).until(reader::poll, all -> all.size() == stored.size());
            for (ConsumerRecord<String, byte[]> record : records) {
                String value = new String(record.value(), StandardCharsets.UTF_8);
                assertThat(value.toLowerCase(Locale.ROOT)).doesNotContain(RAW);
                for (Header header : record.headers()) {
                    assertThat(new String(header.value(), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT))
                            .doesNotContain(RAW);
                }
                JsonNode event = JSON.readTree(value);
                assertThat(event.findValuesAsText("actor")).allMatch(Pseudonymiser::isPseudonym);
            }
        }
    }

    /** The sample bodies with raw identities in place of their ids: an e-mail, a name, a login. */
    private static String people(String body) {
        return body.replace("\"u-4711\"", "\"" + JANE + "\"")
                .replace("\"u-0815\"", "\"" + OLE + "\"")
                .replace("\"fix-tool\", \"actor\": \"" + OLE + "\"", "\"fix-tool\", \"actor\": \"" + FIXER + "\"");
    }

    private static String bulkLine(String step, String body) throws IOException {
        return "{\"step\": \"" + step + "\", " + JSON.readTree(body).toString().substring(1);
    }

    /** The status of each line, in order. */
    private List<Integer> bulk(List<String> lines) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/steps/bulk"))
                                .header("Content-Type", "application/x-ndjson")
                                .header("Authorization", key.bearer())
                                .POST(HttpRequest.BodyPublishers.ofString(String.join("\n", lines)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        List<Integer> statuses = new ArrayList<>();
        for (String line : answer.body().split("\n")) {
            JsonNode result = JSON.readTree(line);
            if (result.has("line")) {
                assertThat(result.has("errors")).as(line).isFalse();
                statuses.add(result.get("status").asInt());
            }
        }
        return statuses;
    }
}
