package io.learningloop.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.learningloop.access.Scope;
import io.learningloop.access.testing.TestKeys;
import io.learningloop.testsupport.LocalStack;
import io.learningloop.testsupport.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The evidence of learning (issue 9, point 1) on the whole platform: a small history posted over HTTP as
 * tools would — amendments and a retraction included — projected by the query service (loops index) and
 * analytics (lessons index), then read from {@code GET /analytics/evidence}. The platform is started as
 * {@link LearningLoopEndToEndIntegrationTest} starts it, with a run of its own (topic, indices, schema).
 *
 * <pre>
 * origins   ev-o1 acme/ev/a 2023-11-01 failed; reviews ev-v1 (post-mortem, 2024-01-20), ev-v3 (retrospective, 01-25)
 *           ev-o2 acme/ev/b 2023-12-01 worse than expected; review ev-v2 (retrospective, 2024-02-10)
 * lessons   ev-l1 acme/ev/a 2024-02-01 from ev-o1, names review ev-v1
 *           ev-l2 acme/ev/b 2024-03-01 from ev-o2, names no review
 *           ev-l4 acme/ev/a 2023-12-20 from ev-o1 (before the learned period 2024)
 *           ev-l5 acme/ev/a posted 2023-12-01, amended to 2024-04-01, from ev-o1, names no review
 * 2025      ev-d1 acme/ev/a      2025-02-15  ev-c1 cites l1, l2  -> 2 chains (l2 across units)
 *           ev-d2 acme/ev/a/team 2025-03-01  ev-c2 cites l1, retracted -> none
 *           ev-d3 acme/ev/a      2025-09-01  no change
 *           ev-d4 acme/ev/b      posted 2024-12-20, amended to 2025-05-01; ev-c4 cites l1, l4 -> 1 chain (l1, across)
 *           ev-d5 acme/ev/a      2025-06-01, amended to 2026-01-10 (its change ev-c5 first) -> none, not made in 2025
 *           ev-d6 acme/ev/a      2025-07-01, retracted -> not made
 *           ev-d7 acme/ev/a      2025-08-01, amended to acme/ev/b; ev-c7 cites l5 -> 1 chain, across after the move
 *           ev-d9 acme/other     2025-03-01  ev-c9 cites l1 -> outside acme/ev
 * </pre>
 */
class EvidenceEndToEndIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String TOPIC = LocalStack.uniqueName("learning-loop.e2e-evidence-");
    private static final String INDEX_PREFIX = LocalStack.uniqueName("learning-loop-e2e-evidence-") + "-";

    private static final TestKeys.Issued KEY = TestKeys.everything("acme");
    private static final TestKeys.Issued STAFF =
            TestKeys.issue("e2e-evidence-staff", Set.of(Scope.REPORTS_READ), "acme");

    private static ServiceProcess commands;
    private static ServiceProcess queries;
    private static ServiceProcess analytics;

    @BeforeAll
    static void startPlatformAndPostHistory() throws Exception {
        String schema = LocalStack.uniqueName("e2e_evidence_");
        Map<String, String> env = new HashMap<>();
        env.put("LL_POSTGRES_URL", LocalStack.postgresUrlWithSchema(schema));
        env.put("SPRING_FLYWAY_SCHEMAS", schema);
        env.put("LL_KAFKA_TOPIC", TOPIC);
        env.put("LL_INDEX_PREFIX", INDEX_PREFIX);
        env.put("LL_PSEUDONYM_KEY_FILE", pseudonymKeyFile().toString());
        env.put("LL_QUERY_CONSUMER_GROUP", LocalStack.uniqueName("query-service-e2e-evidence-"));
        env.put("LL_ANALYTICS_CONSUMER_GROUP", LocalStack.uniqueName("analytics-e2e-evidence-"));
        Path logs = Path.of("target", "e2e-evidence-logs");
        commands = ServiceProcess.start("command-service", jar("command-service"), "LL_COMMAND_PORT", env, logs);
        queries = ServiceProcess.start("query-service", jar("query-service"), "LL_QUERY_PORT", env, logs);
        analytics = ServiceProcess.start("analytics", jar("analytics"), "LL_ANALYTICS_PORT", env, logs);
        for (ServiceProcess service : List.of(commands, queries, analytics)) {
            service.awaitReady(Duration.ofSeconds(300));
        }
        DriverManagerDataSource owner = new DriverManagerDataSource(
                LocalStack.postgresUrlWithSchema(schema),
                LocalStack.postgresOwnerUser(),
                LocalStack.postgresOwnerPassword());
        owner.setDriverClassName("org.postgresql.Driver");
        TestKeys.createIn(owner, KEY);
        TestKeys.createIn(owner, STAFF);
        postHistory();
    }

    @AfterAll
    static void stopPlatform() throws InterruptedException {
        for (ServiceProcess service : new ServiceProcess[] {analytics, queries, commands}) {
            if (service != null) {
                service.close();
            }
        }
    }

    private static void postHistory() throws Exception {
        post("/decisions", decision("ev-o1", "acme/ev/a", "2023-11-01T00:00:00Z"));
        post("/decisions", decision("ev-o2", "acme/ev/b", "2023-12-01T00:00:00Z"));
        post("/decisions/ev-o1/outcome", outcome("2024-01-15T00:00:00Z", "failed"));
        post("/decisions/ev-o2/outcome", outcome("2024-02-01T00:00:00Z", "worse-than-expected"));
        post("/reviews", review("ev-v1", "acme/ev/a", "2024-01-20T00:00:00Z", "ev-o1", "post-mortem", "ownership"));
        post("/reviews", review("ev-v3", "acme/ev/a", "2024-01-25T00:00:00Z", "ev-o1", "retrospective", "tooling"));
        post("/reviews", review("ev-v2", "acme/ev/b", "2024-02-10T00:00:00Z", "ev-o2", "retrospective", "skills"));
        post("/lessons", lesson("ev-l1", "acme/ev/a", "2024-02-01T00:00:00Z", "ev-o1", "ev-v1"));
        post("/lessons", lesson("ev-l2", "acme/ev/b", "2024-03-01T00:00:00Z", "ev-o2", null));
        post("/lessons", lesson("ev-l4", "acme/ev/a", "2023-12-20T00:00:00Z", "ev-o1", null));
        post("/lessons", lesson("ev-l5", "acme/ev/a", "2023-12-01T00:00:00Z", "ev-o1", null));
        post(
                "/lessons/ev-l5/amendment",
                amendment(lesson("ev-l5", "acme/ev/a", "2024-04-01T00:00:00Z", "ev-o1", null, false)));

        post("/decisions", decision("ev-d1", "acme/ev/a", "2025-02-15T00:00:00Z"));
        post("/behavior-changes", change("ev-c1", "acme/ev/a", "2025-02-15T00:00:00Z", "ev-d1", "ev-l1", "ev-l2"));
        post("/decisions", decision("ev-d2", "acme/ev/a/team", "2025-03-01T00:00:00Z"));
        post("/behavior-changes", change("ev-c2", "acme/ev/a/team", "2025-03-02T00:00:00Z", "ev-d2", "ev-l1"));
        post("/behavior-changes/ev-c2/retraction", RETRACTION);
        post("/decisions", decision("ev-d3", "acme/ev/a", "2025-09-01T00:00:00Z"));
        post("/decisions", decision("ev-d4", "acme/ev/b", "2024-12-20T00:00:00Z"));
        post("/behavior-changes", change("ev-c4", "acme/ev/b", "2025-05-02T00:00:00Z", "ev-d4", "ev-l1", "ev-l4"));
        post("/decisions/ev-d4/amendment", amendment(decisionCorrection("ev-d4", "acme/ev/b", "2025-05-01T00:00:00Z")));
        post("/decisions", decision("ev-d5", "acme/ev/a", "2025-06-01T00:00:00Z"));
        post("/behavior-changes", change("ev-c5", "acme/ev/a", "2025-06-01T00:00:00Z", "ev-d5", "ev-l2"));
        // the change first, so that the decision may move after its old date
        post(
                "/behavior-changes/ev-c5/amendment",
                amendment(change("ev-c5", "acme/ev/a", "2026-01-11T00:00:00Z", "ev-d5", false, "ev-l2")));
        post("/decisions/ev-d5/amendment", amendment(decisionCorrection("ev-d5", "acme/ev/a", "2026-01-10T00:00:00Z")));
        post("/decisions", decision("ev-d6", "acme/ev/a", "2025-07-01T00:00:00Z"));
        post("/decisions/ev-d6/retraction", RETRACTION);
        post("/decisions", decision("ev-d7", "acme/ev/a", "2025-08-01T00:00:00Z"));
        post("/behavior-changes", change("ev-c7", "acme/ev/a", "2025-08-01T00:00:00Z", "ev-d7", "ev-l5"));
        post("/decisions/ev-d7/amendment", amendment(decisionCorrection("ev-d7", "acme/ev/b", "2025-08-01T00:00:00Z")));
        post("/decisions", decision("ev-d9", "acme/other", "2025-03-01T00:00:00Z"));
        post("/behavior-changes", change("ev-c9", "acme/other", "2025-03-01T00:00:00Z", "ev-d9", "ev-l1"));
    }

    @Test
    void theChainsOfTheYearHonourAmendmentsRetractionsUnitsAndTheLearnedPeriod() {
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            JsonNode answer = get("/analytics/evidence?orgUnit=acme/ev&year=2025", KEY, 200);
            // made in 2025 in acme/ev: d1, d2, d3, d4 (amended into 2025), d7 = 5 (d5 moved to 2026, d6 retracted);
            // with evidence d1, d4, d7; chains d1/l1, d1/l2, d4/l1, d7/l5; across units: d1/l2 (b vs a),
            // d4/l1 (b vs a), d7/l5 (d7 moved to b, l5 in a)
            assertThat(answer.get("totals").toString())
                    .isEqualTo("{\"decisionsMade\":5,\"decisionsWithEvidence\":3,\"chains\":4,\"crossUnitChains\":3}");
            assertThat(chainIds(answer))
                    .containsExactly(
                            "ev-d1/ev-c1/ev-l1", "ev-d1/ev-c1/ev-l2", "ev-d4/ev-c4/ev-l1", "ev-d7/ev-c7/ev-l5");
            // l1 2024-02-01 -> d1 2025-02-15: 366 (2024 is a leap year) + 14 = 380;
            // l2 2024-03-01 -> 2025-02-15: 365 - 14 = 351; l1 -> d4 2025-05-01: 366 + 28 + 31 + 30 = 455;
            // l5 (amended) 2024-04-01 -> d7 2025-08-01: 365 + 30 + 31 + 30 + 31 = 487
            assertThat(answer.get("chains").findValuesAsText("elapsedDays"))
                    .containsExactly("380.0", "351.0", "455.0", "487.0");
            assertThat(answer.get("chains").findValuesAsText("crossUnit"))
                    .containsExactly("false", "true", "true", "true");
            assertThat(answer.get("truncated").asBoolean()).isFalse();
            assertThat(answer.get("summary").asText())
                    .isEqualTo("3 of 5 decisions made in 2025 in acme/ev and below were made differently because of"
                            + " a lesson recorded from 2024-01-01 to 2024-12-31 (both included): 4 chains, 3 across"
                            + " units.");
        });
    }

    @Test
    void aChainShowsTheDecisionTheChangeTheLessonAndWhereTheLessonCameFrom() throws Exception {
        // Until the last steps are projected too: l5's amendment (which drops its review) and d7's move
        // to acme/ev/b arrive after the four chains exist, and until then the answer is right for the
        // lesson and the decision as they then read (on a cluster the two indices refresh apart).
        JsonNode answer = await().atMost(Duration.ofSeconds(90))
                .until(
                        () -> get("/analytics/evidence?orgUnit=acme/ev&year=2025", KEY, 200),
                        evidence -> evidence.path("totals").path("chains").asInt() == 4
                                && evidence.at("/chains/3/lesson/recordedAt")
                                        .asText()
                                        .equals("2024-04-01T00:00:00Z")
                                && evidence.at("/chains/3/reviews").size() == 2
                                && evidence.at("/chains/3/decision/orgUnit")
                                        .asText()
                                        .equals("acme/ev/b"));
        // kept beside the services' logs: the example answer docs/metrics.md describes
        Files.writeString(
                Path.of("target", "e2e-evidence-logs", "evidence-acme-ev-2025.json"),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(answer));
        JsonNode chains = answer.get("chains");

        JsonNode first = chains.get(0);
        assertThat(first.get("decision").toString())
                .isEqualTo("{\"title\":\"Decision ev-d1\",\"orgUnit\":\"acme/ev/a\",\"category\":\"operations\","
                        + "\"decidedAt\":\"2025-02-15T00:00:00Z\"}");
        assertThat(first.get("behaviorChange").toString())
                .isEqualTo("{\"description\":\"ev-c1 made ev-d1 differently\",\"changedAt\":\"2025-02-15T00:00:00Z\"}");
        assertThat(first.get("lesson").toString())
                .isEqualTo("{\"text\":\"Lesson ev-l1\",\"thinkingChange\":\"We think differently after ev-l1\","
                        + "\"extractionPractice\":\"storytelling\",\"themes\":[\"ownership\"],\"orgUnit\":\"acme/ev/a\","
                        + "\"recordedAt\":\"2024-02-01T00:00:00Z\",\"textWithheld\":false}");
        assertThat(first.get("origins").toString())
                .isEqualTo("[{\"decisionId\":\"ev-o1\",\"title\":\"Decision ev-o1\",\"orgUnit\":\"acme/ev/a\","
                        + "\"outcomeAssessment\":\"failed\",\"titleWithheld\":false}]");
        // l1 names ev-v1: ev-o1's other review (ev-v3) is not where it came from
        assertThat(first.get("reviews").toString())
                .isEqualTo("[{\"reviewId\":\"ev-v1\",\"decisionId\":\"ev-o1\",\"kind\":\"post-mortem\","
                        + "\"rootCauseThemes\":[\"ownership\"],\"heldAt\":\"2024-01-20T00:00:00Z\"}]");

        // l2 names no review: all of ev-o2's
        assertThat(chains.get(1).get("origins").findValuesAsText("outcomeAssessment"))
                .containsExactly("worse-than-expected");
        assertThat(chains.get(1).get("reviews").findValuesAsText("reviewId")).containsExactly("ev-v2");
        // l5 (amended) names no review: both of ev-o1's, by heldAt
        assertThat(chains.get(3).get("reviews").findValuesAsText("reviewId")).containsExactly("ev-v1", "ev-v3");
        assertThat(chains.get(3).get("lesson").get("recordedAt").asText()).isEqualTo("2024-04-01T00:00:00Z");
        assertThat(chains.get(3).get("decision").get("orgUnit").asText()).isEqualTo("acme/ev/b");
    }

    @Test
    void theUnitThePeriodTheLimitAndAnEmptyYearNarrowTheAnswer() throws Exception {
        await().atMost(Duration.ofSeconds(90))
                .until(() -> get("/analytics/evidence?orgUnit=acme&year=2025", KEY, 200)
                                .path("totals")
                                .path("chains")
                                .asInt()
                        == 5);
        // acme adds d9 (acme/other) and its chain with l1: 2024-02-01 -> 2025-03-01 = 366 + 28 = 394 days
        JsonNode acme = get("/analytics/evidence?orgUnit=acme&year=2025", KEY, 200);
        assertThat(acme.get("totals").toString())
                .isEqualTo("{\"decisionsMade\":6,\"decisionsWithEvidence\":4,\"chains\":5,\"crossUnitChains\":4}");
        assertThat(chainIds(acme)).contains("ev-d9/ev-c9/ev-l1");

        // acme/ev/b: d4 and d7 (moved there)
        JsonNode b = get("/analytics/evidence?orgUnit=acme/ev/b&year=2025", KEY, 200);
        assertThat(b.get("totals").toString())
                .isEqualTo("{\"decisionsMade\":2,\"decisionsWithEvidence\":2,\"chains\":2,\"crossUnitChains\":2}");

        // learned from 2024-03-01: l1 (02-01) drops out, l2 (03-01) and l5 (04-01) stay
        JsonNode spring = get("/analytics/evidence?orgUnit=acme/ev&year=2025&learnedFrom=2024-03-01", KEY, 200);
        assertThat(chainIds(spring)).containsExactly("ev-d1/ev-c1/ev-l2", "ev-d7/ev-c7/ev-l5");

        JsonNode two = get("/analytics/evidence?orgUnit=acme/ev&year=2025&limit=2", KEY, 200);
        assertThat(chainIds(two)).containsExactly("ev-d1/ev-c1/ev-l1", "ev-d1/ev-c1/ev-l2");
        assertThat(two.get("truncated").asBoolean()).isTrue();
        assertThat(two.get("totals").get("chains").asInt()).isEqualTo(4);

        // 2024 in acme/ev: d4 was moved out of it, o1 and o2 are of 2023
        JsonNode none = get("/analytics/evidence?orgUnit=acme/ev&year=2024", KEY, 200);
        assertThat(none.get("chains")).isEmpty();
        assertThat(none.get("summary").asText())
                .isEqualTo("No decision made in 2024 in acme/ev and below (0 decisions made) was made differently"
                        + " because of a lesson recorded from 2023-01-01 to 2023-12-31 (both included).");
    }

    @Test
    void staffAreRefusedTheListAndABadParameterIsAProblem() throws Exception {
        assertThat(get("/analytics/evidence?orgUnit=acme/ev&year=2025", STAFF, 403)
                        .get("type")
                        .asText())
                .isEqualTo("urn:learning-loop:problem:forbidden");
        JsonNode problem = get("/analytics/evidence?orgUnit=acme/ev&year=2025&limit=0", KEY, 400);
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("limit");
    }

    private static List<String> chainIds(JsonNode answer) {
        return StreamSupport.stream(answer.get("chains").spliterator(), false)
                .map(chain -> chain.get("decisionId").asText() + "/"
                        + chain.get("behaviorChangeId").asText() + "/"
                        + chain.get("lessonId").asText())
                .toList();
    }

    private static final String RETRACTION = """
            {"sourceTool": "e2e", "actor": "u-2", "reason": "Posted by mistake"}
            """;

    private static String amendment(String correction) {
        return """
                {"sourceTool": "e2e", "actor": "u-2", "reason": "Corrected", "correction": %s}
                """.formatted(correction);
    }

    private static String decision(String id, String orgUnit, String at) {
        return decision(id, orgUnit, at, true);
    }

    /** The decision as an amendment's correction: the same, without its id. */
    private static String decisionCorrection(String id, String orgUnit, String at) {
        return decision(id, orgUnit, at, false);
    }

    private static String decision(String id, String orgUnit, String at, boolean withId) {
        return """
                {%s"orgUnit": "%s", "occurredAt": "%s", "sourceTool": "e2e", "actor": "u-1",
                 "title": "Decision %s", "category": "operations", "expectedOutcome": "It works", "confidence": 0.7,
                 "reviewBy": "2027-01-01"}
                """.formatted(idField("decisionId", id, withId), orgUnit, at, id);
    }

    private static String outcome(String at, String assessment) {
        return """
                {"occurredAt": "%s", "sourceTool": "e2e", "actor": "u-1", "assessment": "%s", "summary": "It did not"}
                """.formatted(at, assessment);
    }

    private static String review(String id, String orgUnit, String at, String decisionId, String kind, String theme) {
        return """
                {"reviewId": "%s", "orgUnit": "%s", "occurredAt": "%s", "sourceTool": "e2e", "actor": "u-1",
                 "decisionIds": ["%s"], "kind": "%s", "rootCauses": [{"theme": "%s", "text": "Why it went so"}],
                 "facilitated": true, "blameless": true, "participantCount": 5}
                """.formatted(id, orgUnit, at, decisionId, kind, theme);
    }

    private static String lesson(String id, String orgUnit, String at, String decisionId, String reviewId) {
        return lesson(id, orgUnit, at, decisionId, reviewId, true);
    }

    private static String lesson(
            String id, String orgUnit, String at, String decisionId, String reviewId, boolean withId) {
        return """
                {%s"orgUnit": "%s", "occurredAt": "%s", "sourceTool": "e2e", "actor": "u-1",
                 "decisionIds": ["%s"], "reviewIds": [%s], "lesson": "Lesson %s",
                 "thinkingChange": "We think differently after %s", "themes": ["ownership"],
                 "extractionPractice": "storytelling"}
                """.formatted(
                        idField("lessonId", id, withId),
                        orgUnit,
                        at,
                        decisionId,
                        reviewId == null ? "" : "\"" + reviewId + "\"",
                        id,
                        id);
    }

    private static String change(String id, String orgUnit, String at, String decisionId, String... lessonIds) {
        return change(id, orgUnit, at, decisionId, true, lessonIds);
    }

    private static String change(
            String id, String orgUnit, String at, String decisionId, boolean withId, String... lessonIds) {
        return """
                {%s"orgUnit": "%s", "occurredAt": "%s", "sourceTool": "e2e", "actor": "u-1",
                 "lessonIds": ["%s"], "decisionId": "%s", "description": "%s made %s differently"}
                """.formatted(
                        idField("behaviorChangeId", id, withId),
                        orgUnit,
                        at,
                        String.join("\", \"", lessonIds),
                        decisionId,
                        id,
                        decisionId);
    }

    private static String idField(String name, String id, boolean withId) {
        return withId ? "\"" + name + "\": \"" + id + "\", " : "";
    }

    private static void post(String path, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(commands.baseUrl() + path))
                        .header("Authorization", KEY.bearer())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("POST %s: %s", path, response.body())
                .isIn(200, 201);
    }

    private static JsonNode get(String path, TestKeys.Issued key, int expectedStatus) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(analytics.baseUrl() + path))
                        .header("Authorization", key.bearer())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return JSON.readTree(response.body());
    }

    private static Path jar(String service) {
        String path = System.getProperty("learningloop.jar." + service);
        if (path == null) {
            throw new IllegalStateException("learningloop.jar." + service + " is not set: run with mvn verify");
        }
        return Path.of(path);
    }

    /** The stack's pseudonym key when it made one, else one of this run's own. */
    private static Path pseudonymKeyFile() throws IOException {
        String given = System.getenv("LL_PSEUDONYM_KEY_FILE");
        if (given != null && !given.isBlank()) {
            return Path.of(given);
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path file = Path.of("target", "e2e-evidence-pseudonym.key").toAbsolutePath();
        Files.createDirectories(file.getParent());
        Files.writeString(file, Base64.getEncoder().encodeToString(key));
        return file;
    }
}
