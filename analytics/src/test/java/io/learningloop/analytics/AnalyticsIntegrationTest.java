package io.learningloop.analytics;

import static io.learningloop.testsupport.SampleEvents.behaviorChange;
import static io.learningloop.testsupport.SampleEvents.lesson;
import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.learningloop.access.Scope;
import io.learningloop.access.testing.TestKeys;
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
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Analytics against the real Kafka, Elasticsearch and key table, read with an analyst key for acme unless
 * a test is about another key. Every expected number below was worked out by
 * hand from the data in the test (nearest-rank percentiles; conversion = converted / recorded).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // one document per page: every answer crosses page boundaries, as a large cohort's does
        properties = "learning-loop.analytics.read-page=1")
class AnalyticsIntegrationTest {

    static final String TOPIC = LocalStack.uniqueName("it-events-");
    static final String PREFIX = LocalStack.uniqueName("it-") + "-";
    static final String GROUP = LocalStack.uniqueName("it-analytics-");
    static boolean loaded;

    /** The key table's owner: writes the test's keys (analytics reads them as the key reader). */
    static final DataSource OWNER = new DriverManagerDataSource(
            LocalStack.postgresUrl(), LocalStack.postgresOwnerUser(), LocalStack.postgresOwnerPassword());

    /** Reads everything of acme and initech, without withholding. */
    static final TestKeys.Issued ANALYST =
            TestKeys.createIn(OWNER, TestKeys.issue("it-analyst", Set.of(Scope.LOOPS_READ), "acme", "initech"));

    static final TestKeys.Issued ENG_ANALYST =
            TestKeys.createIn(OWNER, TestKeys.issue("it-eng-analyst", Set.of(Scope.LOOPS_READ), "acme/eng"));

    static final TestKeys.Issued STAFF =
            TestKeys.createIn(OWNER, TestKeys.issue("it-staff", Set.of(Scope.REPORTS_READ), "acme"));

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry properties) {
        // the key table too, read as the key reader role
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
     * days (odd ones product, even ones talent), made by five people (p-0 .. p-4: days modulo 5), one
     * acme/sales 2025 decision taking 100 days, and one acme/eng decision of 2024 taking 200 days.
     */
    private void indexLoops() throws IOException {
        for (int days = 1; days <= 10; days++) {
            indexLoop(
                    "x-" + days,
                    "acme/eng/team-" + (days % 3),
                    days % 2 == 1 ? "product" : "talent",
                    "2025-0" + (1 + days % 9) + "-15T00:00:00Z",
                    days,
                    "p-" + (days % 5));
        }
        indexLoop("x-sales", "acme/sales", "product", "2025-04-01T00:00:00Z", 100, "p-sales");
        indexLoop("x-old", "acme/eng", "product", "2024-04-01T00:00:00Z", 200, "p-old");
        elasticsearch.indices().refresh(refresh -> refresh.index(indices.loops(), indices.lessons()));
    }

    private void indexLoop(String id, String orgUnit, String category, String decidedAt, double days, String actor)
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
                "actor",
                actor,
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

    /**
     * Decided in January to March 2025 (by month 1 + days modulo 9): days 9, 1, 10 and 2, made by p-4, p-1,
     * p-0 and p-2, four people; to April adds days 3, by p-3: five people, 1, 2, 3, 9, 10 days (p50 rank
     * ceil(2.5) = 3: 3 days; p90 rank ceil(4.5) = 5: 10 days).
     */
    @Test
    void staffGetAFigureOfFivePeopleAndNotOfFour() throws Exception {
        String fourPeople = "/analytics/latency?orgUnit=acme/eng&from=2025-01-01&to=2025-04-01";
        JsonNode withheld = get(fourPeople, 200, STAFF);
        JsonNode stage = stage(withheld, "decision-to-outcome");
        assertThat(stage.get("count").isNull()).isTrue();
        assertThat(stage.get("p50Days").isNull()).isTrue();
        assertThat(stage.get("definition").asText()).startsWith("days from a decision");
        assertThat(withheld.get("withheld").findValuesAsText("figure"))
                .contains("stages.decision-to-outcome.count", "stages.decision-to-outcome.p50Days");
        assertThat(withheld.get("withheld").findValuesAsText("reason")).containsOnly("fewer than 5 people");
        // the analyst sees the same four decisions
        assertThat(stage(get(fourPeople), "decision-to-outcome").get("count").asInt())
                .isEqualTo(4);

        JsonNode shown = get("/analytics/latency?orgUnit=acme/eng&from=2025-01-01&to=2025-05-01", 200, STAFF);
        JsonNode fivePeople = stage(shown, "decision-to-outcome");
        assertThat(fivePeople.get("count").asInt()).isEqualTo(5);
        assertThat(fivePeople.get("p50Days").asDouble()).isEqualTo(3.0);
        assertThat(fivePeople.get("p90Days").asDouble()).isEqualTo(10.0);
        assertThat(shown.get("withheld").findValuesAsText("figure")).doesNotContain("stages.decision-to-outcome.count");
    }

    /** Every lesson of the test was recorded by one person (u-1): staff see none of their figures, anywhere. */
    @Test
    void staffSeeNoFigureOfOnePersonInTheJsonTheTrendsOrThePage() throws Exception {
        JsonNode conversion = get("/analytics/conversion?orgUnit=acme/eng&from=2025-01-01&to=2026-01-01", 200, STAFF);
        assertThat(conversion.get("conversionRate").isNull()).isTrue();
        assertThat(conversion.get("lessonsRecorded").isNull()).isTrue();
        assertThat(conversion.get("withheld").findValuesAsText("figure"))
                .containsExactly("lessonsRecorded", "lessonsWithBehaviorChange", "conversionRate", "withinDays");
        assertThat(conversion.get("rates")).isEmpty();

        JsonNode trends = get("/analytics/trends?orgUnit=acme/eng&from=2025&to=2025", 200, STAFF);
        assertThat(trends.get("orgUnit").asText()).isEqualTo("acme/eng");
        assertThat(trends.get("withheld").findValuesAsText("figure"))
                .contains("Learning conversion.2025", "Lessons recorded.2025")
                // ten decision makers of 2025 in acme/eng: their median latency shows
                .doesNotContain("Decision to outcome.2025");

        HttpResponse<String> page = send("/reports/trends?orgUnit=acme/eng&from=2025&to=2025", STAFF);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<td><span class=\"withheld\" title=\"fewer than 5 people\">withheld <small>(fewer than 5"
                        + " people)</small></span></td>")
                // five people made acme/eng's ten decisions of 2025: the opening shows; no loop applied a change
                .contains("<p class=\"answer\">None of the 10 decisions made in 2025 in acme/eng was made differently"
                        + " because of a lesson recorded in 2024.</p></section>")
                .contains("<svg class=\"chart\"")
                .doesNotContain("<script", "u-1", "p-1");
        // one person made acme/sales' one decision of 2025: staff read why there is no answer, analysts read it
        assertThat(send("/reports/trends?orgUnit=acme/sales&from=2025&to=2025", STAFF)
                        .body())
                .contains("<p class=\"answer\">Withheld: the decisions made in 2025 in acme/sales were made by fewer"
                        + " than 5 people, too few to count them or tell their chains without exposing someone.</p>");
        assertThat(send("/reports/trends?orgUnit=acme/sales&from=2025&to=2025", ANALYST)
                        .body())
                .contains("<p class=\"answer\">The one decision made in 2025 in acme/sales was not made differently"
                        + " because of a lesson recorded in 2024.</p>");

        String practices = send("/analytics/practices?orgUnit=acme&from=2025-01-01&to=2026-01-01", STAFF)
                .body();
        assertThat(practices).doesNotContain("u-1", "p-1", "\"actor\"", "\"owner\"");
    }

    @Test
    void anAnalystOfAcmeEngReadsItsUnitAndNoOther() throws Exception {
        JsonNode outside = get("/analytics/latency?orgUnit=acme/sales", 403, ENG_ANALYST);
        assertThat(outside.get("type").asText()).isEqualTo("urn:learning-loop:problem:outside-units");
        assertThat(get("/analytics/trends?orgUnit=initech", 403, ENG_ANALYST)
                        .get("type")
                        .asText())
                .isEqualTo("urn:learning-loop:problem:outside-units");

        // acme, asked by a key for acme/eng, is acme/eng: ten decisions, not the eleven with acme/sales
        JsonNode acme = get("/analytics/latency?orgUnit=acme&from=2025-01-01&to=2026-01-01", 200, ENG_ANALYST);
        assertThat(acme.get("cohort").get("orgUnit").asText()).isEqualTo("acme");
        assertThat(stage(acme, "decision-to-outcome").get("count").asInt()).isEqualTo(10);
        assertThat(acme.has("withheld")).isFalse();
    }

    @Test
    void anAnonymousRequestIsRefused() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/analytics/latency"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
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
        return get(path, expectedStatus, ANALYST);
    }

    private JsonNode get(String path, int expectedStatus, TestKeys.Issued key) throws Exception {
        HttpResponse<String> response = send(path, key);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return json.readTree(response.body());
    }

    private HttpResponse<String> send(String path, TestKeys.Issued key) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .header("Authorization", key.bearer())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
