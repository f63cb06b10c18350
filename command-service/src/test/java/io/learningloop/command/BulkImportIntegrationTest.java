package io.learningloop.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.learningloop.access.testing.TestKeys;
import io.learningloop.command.BulkFile.Expected;
import io.learningloop.contract.EventTypes;
import io.learningloop.contract.KafkaContract;
import io.learningloop.contract.events.ActionAssignedEvent;
import io.learningloop.contract.events.ActionCompletedEvent;
import io.learningloop.contract.events.ActionDroppedEvent;
import io.learningloop.contract.events.BehaviorChangedEvent;
import io.learningloop.contract.events.CheckInHeldEvent;
import io.learningloop.contract.events.DecisionMadeEvent;
import io.learningloop.contract.events.LessonRecordedEvent;
import io.learningloop.contract.events.LessonSharedEvent;
import io.learningloop.contract.events.LoopEvent;
import io.learningloop.contract.events.OutcomeObservedEvent;
import io.learningloop.contract.events.ReviewHeldEvent;
import io.learningloop.contract.events.StepAmendedEvent;
import io.learningloop.contract.events.StepRetractedEvent;
import io.learningloop.testsupport.EventTopicReader;
import io.learningloop.testsupport.LocalStack;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code POST /steps/bulk} against the real PostgreSQL and Kafka of the local stack, with a file holding
 * good and bad lines of every kind of step the service accepts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BulkImportIntegrationTest {

    static final String SCHEMA = LocalStack.uniqueName("it_");
    static final String TOPIC = LocalStack.uniqueName("it-events-");
    static final int MAX_LINES = 12_000;
    private static final Logger log = LoggerFactory.getLogger(BulkImportIntegrationTest.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry properties) {
        CommandServiceTestProperties.register(properties, SCHEMA, TOPIC, LocalStack.kafkaBootstrap());
        properties.add("learning-loop.bulk.max-lines", () -> MAX_LINES);
    }

    /** The answer of one bulk post: the result lines, the summary, and when they arrived. */
    record BulkAnswer(
            int status,
            String contentType,
            List<JsonNode> results,
            JsonNode summary,
            Duration firstResultAfter,
            Duration took) {}

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    final HttpClient http = HttpClient.newHttpClient();

    private static TestKeys.Issued key;

    /** The test tool's key (every scope over acme), made once in this test's schema. */
    private static synchronized String authorization() {
        if (key == null) {
            key = TestTool.keyIn(SCHEMA);
        }
        return key.bearer();
    }

    /** The event each kind of step stores; a correction stores a StepAmended or StepRetracted of that event. */
    static final Map<String, Class<? extends LoopEvent>> EVENT_OF_KIND = Map.of(
            "decision",
            DecisionMadeEvent.class,
            "check-in",
            CheckInHeldEvent.class,
            "outcome",
            OutcomeObservedEvent.class,
            "review",
            ReviewHeldEvent.class,
            "action",
            ActionAssignedEvent.class,
            "action-completion",
            ActionCompletedEvent.class,
            "action-drop",
            ActionDroppedEvent.class,
            "lesson",
            LessonRecordedEvent.class,
            "lesson-share",
            LessonSharedEvent.class,
            "behavior-change",
            BehaviorChangedEvent.class);

    /** The kind of step an event stores: {@code decision}, or {@code decision-amendment} for a StepAmended of one. */
    static String kindOf(String eventType, String correctedEventType) {
        Map<String, String> kindOfType = new HashMap<>();
        EVENT_OF_KIND.forEach((kind, type) -> kindOfType.put(EventTypes.name(type), kind));
        if (eventType.equals(EventTypes.name(StepAmendedEvent.class))) {
            return kindOfType.get(correctedEventType) + "-amendment";
        }
        if (eventType.equals(EventTypes.name(StepRetractedEvent.class))) {
            return kindOfType.get(correctedEventType) + "-retraction";
        }
        return kindOfType.getOrDefault(eventType, "other");
    }

    @Test
    void tenThousandLinesAreImportedLineByLineAndPostingThemAgainStoresNothing() {
        BulkFile file = BulkFile.generate(10_000, 250);
        assertThat(file.lines).hasSize(10_000);
        Map<String, Long> acceptedPerKind = perKind(file, 201);
        assertThat(acceptedPerKind).as("every kind has lines that are stored").containsOnlyKeys(BulkFile.KINDS);
        assertThat(refusedPerKind(file))
                .as("every kind has lines that are refused")
                .containsOnlyKeys(BulkFile.KINDS);
        log.info("bulk file: lines accepted per kind {}, refused per kind {}", acceptedPerKind, refusedPerKind(file));
        long accepted = file.acceptedCount();
        long eventsBefore = eventCount();
        Map<String, Long> storedBefore = storedPerKind();
        double acceptedMetricBefore = lineCount("accepted");
        double refusedMetricBefore = lineCount("refused");

        BulkAnswer first = post(file.body());

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.contentType()).startsWith("application/x-ndjson");
        assertThat(first.results())
                .extracting(result -> result.get("line").asInt())
                .containsExactlyElementsOf(file.expected.keySet());
        Map<Integer, JsonNode> firstByLine = byLine(first.results());
        file.expected.forEach((line, expected) -> assertLine(firstByLine.get(line), line, expected));
        JsonNode retried = firstByLine.get(file.expected.entrySet().stream()
                .filter(entry -> entry.getValue().status() == 200)
                .findFirst()
                .orElseThrow()
                .getKey());
        assertThat(retried.get("eventId").asText())
                .isEqualTo(firstByLine.get(1).get("eventId").asText());
        assertThat(first.summary())
                .isEqualTo(summary(file.expected.size(), accepted, file.repeatedCount(), file.refusedCount()));
        assertThat(kindsTheServiceAccepts(file, firstByLine)).containsExactlyElementsOf(BulkFile.KINDS);

        assertThat(eventCount() - eventsBefore).isEqualTo(accepted);
        assertThat(difference(storedPerKind(), storedBefore))
                .as("stored per kind: the good lines, no refused one")
                .isEqualTo(acceptedPerKind);
        assertThat(lineCount("accepted") - acceptedMetricBefore).isEqualTo(accepted);
        assertThat(lineCount("refused") - refusedMetricBefore).isEqualTo(file.refusedCount());
        assertThat(first.firstResultAfter())
                .as("results stream while the file is processed")
                .isLessThan(first.took().dividedBy(4));
        log.info(
                "bulk import of {} lines took {} ms ({} lines/s); first result after {} ms",
                file.lines.size(),
                first.took().toMillis(),
                Math.round(file.lines.size() / (first.took().toMillis() / 1000.0)),
                first.firstResultAfter().toMillis());

        try (EventTopicReader reader = new EventTopicReader(TOPIC)) {
            List<ConsumerRecord<String, byte[]>> published = await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(200))
                    .until(reader::poll, records -> records.size() >= accepted);
            assertThat(published).hasSize((int) accepted);
            assertThat(publishedPerKind(published)).as("published per kind").isEqualTo(acceptedPerKind);
        }

        BulkAnswer second = post(file.body());

        assertThat(second.status()).isEqualTo(200);
        Map<Integer, JsonNode> secondByLine = byLine(second.results());
        assertThat(secondByLine.keySet()).containsExactlyElementsOf(file.expected.keySet());
        file.expected.forEach((line, expected) -> {
            JsonNode result = secondByLine.get(line);
            if (expected.isAccepted()) {
                assertLine(result, line, Expected.repeated(expected.step(), expected.id()));
                assertThat(result.get("eventId").asText())
                        .as("line %d", line)
                        .isEqualTo(firstByLine.get(line).get("eventId").asText());
            } else {
                assertLine(result, line, expected);
            }
        });
        assertThat(second.summary())
                .isEqualTo(summary(file.expected.size(), 0, accepted + file.repeatedCount(), file.refusedCount()));
        assertThat(eventCount() - eventsBefore)
                .as("the second post stores nothing")
                .isEqualTo(accepted);
        assertThat(difference(storedPerKind(), storedBefore)).isEqualTo(acceptedPerKind);
        log.info(
                "posting the same {} lines again took {} ms",
                file.lines.size(),
                second.took().toMillis());
    }

    @Test
    void aBodyThatIsNotNdjsonIsRefusedWithAProblem() {
        HttpResponse<String> answer = send(
                "application/json",
                BulkFile.decision("bk-json", "acme/eng", Instant.parse("2024-01-01T00:00:00Z"), "x", null));

        assertThat(answer.statusCode()).isEqualTo(415);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.body()).contains("\"status\":415");
    }

    @Test
    void aFileOverTheLineLimitIsRefusedBeforeAnythingIsStored() throws IOException {
        long eventsBefore = eventCount();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i <= MAX_LINES; i++) {
            lines.add(BulkFile.decision("bk-over-" + i, "acme/eng", Instant.parse("2024-01-01T00:00:00Z"), "x", null));
        }

        HttpResponse<String> answer = send("application/x-ndjson", String.join("\n", lines));

        assertThat(answer.statusCode()).isEqualTo(413);
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.get("type").asText()).isEqualTo("urn:learning-loop:problem:bulk-too-large");
        assertThat(problem.get("detail").asText()).contains("more than " + MAX_LINES + " lines");
        assertThat(eventCount()).isEqualTo(eventsBefore);
    }

    private static void assertLine(JsonNode result, int line, Expected expected) {
        assertThat(result).as("result of line %d", line).isNotNull();
        assertThat(result.get("status").asInt())
                .as("status of line %d: %s", line, result)
                .isEqualTo(expected.status());
        if (expected.step() != null) {
            assertThat(result.get("step").asText()).as("step of line %d", line).isEqualTo(expected.step());
        } else {
            assertThat(result.has("step")).as("step of line %d", line).isFalse();
        }
        if (expected.isAccepted()) {
            assertThat(result.get("id").asText()).as("id of line %d", line).isEqualTo(expected.id());
            assertThat(result.get("alreadyRecorded").asBoolean())
                    .as("line %d", line)
                    .isEqualTo(expected.status() == 200);
            assertThat(result.get("eventId").asText()).as("line %d", line).isNotBlank();
        } else {
            assertThat(result.get("type").asText())
                    .as("type of line %d: %s", line, result)
                    .isEqualTo(expected.type());
            assertThat(result.get("detail").asText())
                    .as("detail of line %d", line)
                    .isNotBlank();
            Set<String> fields = new HashSet<>(result.path("errors").findValuesAsText("field"));
            assertThat(fields).as("fields of line %d: %s", line, result).isEqualTo(expected.fields());
            result.path("errors")
                    .forEach(error -> assertThat(error.get("message").asText())
                            .as("line %d", line)
                            .isNotBlank());
        }
    }

    private static Map<String, Long> perKind(BulkFile file, int status) {
        return file.expected.values().stream()
                .filter(expected -> expected.status() == status)
                .collect(Collectors.groupingBy(Expected::step, TreeMap::new, Collectors.counting()));
    }

    /** Refused lines that got as far as naming a kind the service knows. */
    private static Map<String, Long> refusedPerKind(BulkFile file) {
        return file.expected.values().stream()
                .filter(expected ->
                        !expected.isAccepted() && expected.step() != null && BulkFile.KINDS.contains(expected.step()))
                .collect(Collectors.groupingBy(Expected::step, TreeMap::new, Collectors.counting()));
    }

    /** What the service says it accepts, in its answer to the line of an unknown kind. */
    private static List<String> kindsTheServiceAccepts(BulkFile file, Map<Integer, JsonNode> results) {
        int line = file.expected.entrySet().stream()
                .filter(entry -> "retrospective".equals(entry.getValue().step()))
                .findFirst()
                .orElseThrow()
                .getKey();
        String message = results.get(line).get("errors").get(0).get("message").asText();
        Matcher kinds = Pattern.compile("is not one of \\[(.*)]$").matcher(message);
        assertThat(kinds.find()).as("message naming the kinds: %s", message).isTrue();
        return List.of(kinds.group(1).split(", "));
    }

    /** Stored events per kind of step, by their payload type in the event store (and what a correction corrects). */
    private Map<String, Long> storedPerKind() {
        Map<String, Long> perKind = new TreeMap<>();
        jdbc.queryForList("""
                select payload_type, coalesce(convert_from(payload, 'UTF8')::jsonb #>> '{correction,eventType}',
                       convert_from(payload, 'UTF8')::jsonb ->> 'retractedEventType') as corrected, count(*) as n
                from domain_event_entry group by 1, 2""").forEach(row -> {
            String type = (String) row.get("payload_type");
            perKind.merge(
                    kindOf(type.substring(type.lastIndexOf('.') + 1).replaceFirst("Event$", ""), (String)
                            row.get("corrected")),
                    ((Number) row.get("n")).longValue(),
                    Long::sum);
        });
        perKind.remove("other");
        return perKind;
    }

    private static Map<String, Long> publishedPerKind(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream()
                .collect(Collectors.groupingBy(
                        record -> {
                            JsonNode value = readValue(record.value());
                            String corrected = value.has("correction")
                                    ? value.at("/correction/eventType").asText()
                                    : value.path("retractedEventType").asText(null);
                            return kindOf(
                                    new String(
                                            record.headers()
                                                    .lastHeader(KafkaContract.HEADER_EVENT_TYPE)
                                                    .value(),
                                            StandardCharsets.UTF_8),
                                    corrected);
                        },
                        TreeMap::new,
                        Collectors.counting()));
    }

    private static JsonNode readValue(byte[] value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Long> difference(Map<String, Long> after, Map<String, Long> before) {
        Map<String, Long> difference = new TreeMap<>();
        after.forEach((kind, count) -> {
            long added = count - before.getOrDefault(kind, 0L);
            if (added != 0) {
                difference.put(kind, added);
            }
        });
        return difference;
    }

    private static JsonNode summary(long lines, long accepted, long alreadyRecorded, long refused) {
        try {
            return JSON.readTree("{\"lines\": %d, \"accepted\": %d, \"alreadyRecorded\": %d, \"refused\": %d}"
                    .formatted(lines, accepted, alreadyRecorded, refused));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<Integer, JsonNode> byLine(List<JsonNode> results) {
        Map<Integer, JsonNode> byLine = new LinkedHashMap<>();
        results.forEach(result -> byLine.put(result.get("line").asInt(), result));
        return byLine;
    }

    /** Reads the answer line by line as it streams in. */
    private BulkAnswer post(String body) {
        long start = System.nanoTime();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/steps/bulk"))
                .header("Authorization", authorization())
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
            List<JsonNode> results = new ArrayList<>();
            JsonNode summary = null;
            Duration firstResultAfter = null;
            try (Stream<String> lines = response.body()) {
                for (String line : (Iterable<String>) lines::iterator) {
                    if (firstResultAfter == null) {
                        firstResultAfter = Duration.ofNanos(System.nanoTime() - start);
                    }
                    JsonNode result = JSON.readTree(line);
                    assertThat(summary).as("nothing after the summary").isNull();
                    if (result.has("summary")) {
                        summary = result.get("summary");
                    } else {
                        results.add(result);
                    }
                }
            }
            return new BulkAnswer(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    results,
                    summary,
                    firstResultAfter,
                    Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(String contentType, String body) {
        try {
            return http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/steps/bulk"))
                            .header("Authorization", authorization())
                            .header("Content-Type", contentType)
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long eventCount() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    private double lineCount(String outcome) {
        return meters.get("learningloop.bulk.lines")
                .tag("outcome", outcome)
                .counter()
                .count();
    }
}
