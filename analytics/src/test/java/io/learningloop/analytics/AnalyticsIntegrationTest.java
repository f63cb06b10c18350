package io.learningloop.analytics;

import static io.learningloop.testsupport.SampleEvents.behaviorChange;
import static io.learningloop.testsupport.SampleEvents.lesson;
import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.learningloop.contract.OrgUnits;
import io.learningloop.projection.elasticsearch.IndexTemplates;
import io.learningloop.projection.elasticsearch.Indices;
import io.learningloop.testsupport.ConsumerGroups;
import io.learningloop.testsupport.EventTopicWriter;
import io.learningloop.testsupport.LocalStack;
import io.learningloop.testsupport.ProjectionServiceTestProperties;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Analytics against the real Kafka and Elasticsearch. Every expected number below was worked out by
 * hand from the data in the test (nearest-rank percentiles; conversion = converted / recorded).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AnalyticsIntegrationTest {

    static final String TOPIC = LocalStack.uniqueName("it-events-");
    static final String PREFIX = LocalStack.uniqueName("it-") + "-";
    static final String GROUP = LocalStack.uniqueName("it-analytics-");
    static boolean loaded;

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry properties) {
        ProjectionServiceTestProperties.register(properties, TOPIC, GROUP, PREFIX);
    }

    @LocalServerPort
    int port;

    @Autowired
    ElasticsearchClient elasticsearch;

    private final Indices indices = new Indices(PREFIX);
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void loadOnce() throws IOException {
        if (!loaded) {
            publishLessonsAndChanges();
            // The query service installs the loops template (analytics may only read that index).
            IndexTemplates.install(elasticsearch, indices, List.of(indices.loops()));
            indexLoops();
            loaded = true;
        }
    }

    /**
     * Lessons (org unit, recorded) and the changes citing them:
     * a1 acme/eng/platform 2025-02-01, changed 2025-03-01 (28 days);
     * a2 acme/eng/data 2025-05-01, changed 2025-06-01 (31 days);
     * a3 acme/eng 2025-09-01, never changed;
     * a4 acme/eng 2024-12-31, changed 2025-01-10 (outside every 2025 cohort);
     * a5 acme/sales 2025-03-01, changed 2025-06-01 (92 days, by the same change as a2).
     */
    private void publishLessonsAndChanges() {
        try (EventTopicWriter kafka = new EventTopicWriter(TOPIC)) {
            kafka.publish(lesson("a1", "acme/eng/platform", "2025-02-01T00:00:00Z", "d-1"), 0);
            kafka.publish(lesson("a2", "acme/eng/data", "2025-05-01T00:00:00Z", "d-2"), 0);
            kafka.publish(lesson("a3", "acme/eng", "2025-09-01T00:00:00Z", "d-3"), 0);
            kafka.publish(lesson("a4", "acme/eng", "2024-12-31T00:00:00Z", "d-4"), 0);
            kafka.publish(lesson("a5", "acme/sales", "2025-03-01T00:00:00Z", "d-5"), 0);
            kafka.publish(
                    behaviorChange("b1", "acme/eng", "2025-03-01T00:00:00Z", "d-10", List.of("a1"), List.of("d-1")), 0);
            kafka.publish(
                    behaviorChange(
                            "b2",
                            "acme/eng",
                            "2025-06-01T00:00:00Z",
                            "d-11",
                            List.of("a2", "a5"),
                            List.of("d-2", "d-5")),
                    0);
            kafka.publish(
                    behaviorChange("b3", "acme/eng", "2025-01-10T00:00:00Z", "d-12", List.of("a4"), List.of("d-4")), 0);
        }
        ConsumerGroups.awaitCaughtUp(GROUP, TOPIC);
    }

    /**
     * Loops as the query service writes them: ten acme/eng decisions of 2025 whose outcome took 1..10
     * days (odd ones product, even ones talent), one acme/sales 2025 decision taking 100 days, and one
     * acme/eng decision of 2024 taking 200 days.
     */
    private void indexLoops() throws IOException {
        for (int days = 1; days <= 10; days++) {
            indexLoop(
                    "x-" + days,
                    "acme/eng/team-" + (days % 3),
                    days % 2 == 1 ? "product" : "talent",
                    "2025-0" + (1 + days % 9) + "-15T00:00:00Z",
                    days);
        }
        indexLoop("x-sales", "acme/sales", "product", "2025-04-01T00:00:00Z", 100);
        indexLoop("x-old", "acme/eng", "product", "2024-04-01T00:00:00Z", 200);
        elasticsearch.indices().refresh(refresh -> refresh.index(indices.loops(), indices.lessons()));
    }

    private void indexLoop(String id, String orgUnit, String category, String decidedAt, double days)
            throws IOException {
        Map<String, Object> loop = Map.of(
                "decisionId",
                id,
                "orgUnit",
                orgUnit,
                "orgUnitPath",
                OrgUnits.selfAndAncestors(orgUnit),
                "category",
                category,
                "decidedAt",
                decidedAt,
                "latency",
                Map.of("decisionToOutcomeDays", days));
        elasticsearch.index(
                index -> index.index(indices.loops()).id(id).document(loop).refresh(Refresh.True));
    }

    @Test
    void conversionIsTheShareOfTheCohortsLessonsThatChangedALaterDecision() throws Exception {
        JsonNode eng2025 = get("/analytics/conversion?orgUnit=acme/eng&from=2025-01-01&to=2026-01-01");
        assertThat(eng2025.get("lessonsRecorded").asLong()).isEqualTo(3);
        assertThat(eng2025.get("lessonsWithBehaviorChange").asLong()).isEqualTo(2);
        assertThat(eng2025.get("conversionRate").asDouble()).isEqualTo(2.0 / 3.0);
        assertThat(eng2025.get("definition").asText()).startsWith("lessons with at least one behaviour change");

        JsonNode acme2025 = get("/analytics/conversion?orgUnit=acme&from=2025-01-01&to=2026-01-01");
        assertThat(acme2025.get("conversionRate").asDouble()).isEqualTo(0.75);

        JsonNode nothing = get("/analytics/conversion?orgUnit=initech");
        assertThat(nothing.get("lessonsRecorded").asLong()).isZero();
        assertThat(nothing.get("conversionRate").isNull()).isTrue();
    }

    @Test
    void lessonToBehaviorChangeLatencyHasNearestRankPercentiles() throws Exception {
        JsonNode stage = stage(
                get("/analytics/latency?orgUnit=acme&from=2025-01-01&to=2026-01-01"), "lesson-to-behavior-change");
        // 28, 31, 92 days: p50 is rank ceil(1.5) = 2, p90 rank ceil(2.7) = 3.
        assertThat(stage.get("count").asInt()).isEqualTo(3);
        assertThat(stage.get("p50Days").asDouble()).isEqualTo(31.0);
        assertThat(stage.get("p90Days").asDouble()).isEqualTo(92.0);
        assertThat(stage.get("p99Days").asDouble()).isEqualTo(92.0);
    }

    @Test
    void decisionToOutcomeLatencyRollsUpOrgUnitsAndFiltersCategoryAndPeriod() throws Exception {
        JsonNode eng =
                stage(get("/analytics/latency?orgUnit=acme/eng&from=2025-01-01&to=2026-01-01"), "decision-to-outcome");
        // 1..10: p50 rank 5, p90 rank 9, p99 rank ceil(9.9) = 10.
        assertThat(eng.get("count").asInt()).isEqualTo(10);
        assertThat(eng.get("p50Days").asDouble()).isEqualTo(5.0);
        assertThat(eng.get("p90Days").asDouble()).isEqualTo(9.0);
        assertThat(eng.get("p99Days").asDouble()).isEqualTo(10.0);

        JsonNode product = stage(
                get("/analytics/latency?orgUnit=acme/eng&category=product&from=2025-01-01" + "&to=2026-01-01"),
                "decision-to-outcome");
        // 1, 3, 5, 7, 9: p50 rank ceil(2.5) = 3, p90 rank ceil(4.5) = 5.
        assertThat(product.get("count").asInt()).isEqualTo(5);
        assertThat(product.get("p50Days").asDouble()).isEqualTo(5.0);
        assertThat(product.get("p90Days").asDouble()).isEqualTo(9.0);

        JsonNode acme =
                stage(get("/analytics/latency?orgUnit=acme&from=2025-01-01&to=2026-01-01"), "decision-to-outcome");
        // 1..10 and 100: p50 rank ceil(5.5) = 6, p90 rank ceil(9.9) = 10, p99 rank ceil(10.89) = 11.
        assertThat(acme.get("count").asInt()).isEqualTo(11);
        assertThat(acme.get("p50Days").asDouble()).isEqualTo(6.0);
        assertThat(acme.get("p90Days").asDouble()).isEqualTo(10.0);
        assertThat(acme.get("p99Days").asDouble()).isEqualTo(100.0);
    }

    @Test
    void everyStageNamesItsDefinitionAndStagesWithoutDataSayNothing() throws Exception {
        JsonNode report = get("/analytics/latency?orgUnit=acme/eng");
        assertThat(report.get("percentileMethod").asText()).startsWith("nearest-rank");
        assertThat(report.get("stages").findValuesAsText("stage"))
                .containsExactly(
                        "decision-to-outcome",
                        "outcome-to-lesson",
                        "lesson-to-behavior-change",
                        "decision-to-behavior-change");
        assertThat(report.get("stages").findValuesAsText("definition")).allMatch(text -> text.startsWith("days "));
        JsonNode none = stage(report, "outcome-to-lesson");
        assertThat(none.get("count").asInt()).isZero();
        assertThat(none.get("p50Days").isNull()).isTrue();
    }

    @Test
    void invalidParametersAreRefusedAsProblems() throws Exception {
        JsonNode problem = get("/analytics/latency?orgUnit=ACME&from=2025-01-01", 400);
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("orgUnit");
        assertThat(get("/analytics/conversion?from=2025-02-01&to=2025-01-01", 400)
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asText())
                .isEqualTo("to");
    }

    private static JsonNode stage(JsonNode report, String name) {
        for (JsonNode stage : report.get("stages")) {
            if (stage.get("stage").asText().equals(name)) {
                return stage;
            }
        }
        throw new AssertionError("no stage " + name + " in " + report);
    }

    private JsonNode get(String path) throws Exception {
        return get(path, 200);
    }

    private JsonNode get(String path, int expectedStatus) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return json.readTree(response.body());
    }
}
