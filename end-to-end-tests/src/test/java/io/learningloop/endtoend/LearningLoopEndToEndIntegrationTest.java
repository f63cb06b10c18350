package io.learningloop.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.learningloop.testsupport.LocalStack;
import io.learningloop.testsupport.ServiceProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole platform from the outside: the three services run from their jars against the real
 * PostgreSQL, Kafka and Elasticsearch; complete loops are posted over HTTP as tools would, then read
 * back from the query service and the analytics API. The expected numbers are worked out by hand
 * in the comments from the dates posted.
 */
class LearningLoopEndToEndIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ServiceProcess commands;
    private static ServiceProcess queries;
    private static ServiceProcess analytics;

    @BeforeAll
    static void startPlatform() throws Exception {
        String schema = LocalStack.uniqueName("e2e_");
        Map<String, String> env = new HashMap<>();
        env.put("LL_POSTGRES_URL", LocalStack.postgresUrlWithSchema(schema));
        env.put("SPRING_FLYWAY_SCHEMAS", schema);
        env.put("LL_KAFKA_TOPIC", LocalStack.uniqueName("e2e-events-"));
        env.put("LL_INDEX_PREFIX", LocalStack.uniqueName("e2e-") + "-");
        env.put("LL_QUERY_CONSUMER_GROUP", LocalStack.uniqueName("e2e-query-"));
        env.put("LL_ANALYTICS_CONSUMER_GROUP", LocalStack.uniqueName("e2e-analytics-"));
        Path logs = Path.of("target", "e2e-logs");
        commands = ServiceProcess.start("command-service", jar("command-service"), "LL_COMMAND_PORT", env, logs);
        queries = ServiceProcess.start("query-service", jar("query-service"), "LL_QUERY_PORT", env, logs);
        analytics = ServiceProcess.start("analytics", jar("analytics"), "LL_ANALYTICS_PORT", env, logs);
        for (ServiceProcess service : List.of(commands, queries, analytics)) {
            service.awaitReady(Duration.ofSeconds(180));
        }
        postLoops();
    }

    @AfterAll
    static void stopPlatform() throws InterruptedException {
        for (ServiceProcess service : new ServiceProcess[] {analytics, queries, commands}) {
            if (service != null) {
                service.close();
            }
        }
    }

    /**
     * Three 2024 decisions in acme/eng, their outcomes and lessons; two of the lessons change 2025
     * decisions (one in another unit). D4 cites L1, the lesson that changed it.
     */
    private static void postLoops() throws Exception {
        post("/decisions", decision("e2e-d1", "acme/eng/platform", "operations", "2024-01-10T00:00:00Z", ""));
        post("/decisions", decision("e2e-d2", "acme/eng/data", "product", "2024-02-01T00:00:00Z", ""));
        post("/decisions", decision("e2e-d3", "acme/eng/platform", "product", "2024-03-01T00:00:00Z", ""));
        post("/decisions/e2e-d1/outcome", outcome("2024-01-30T00:00:00Z"));
        post("/decisions/e2e-d2/outcome", outcome("2024-03-12T00:00:00Z"));
        post("/decisions/e2e-d3/outcome", outcome("2024-03-11T00:00:00Z"));
        post("/lessons", lesson("e2e-l1", "acme/eng/platform", "2024-02-09T00:00:00Z", "e2e-d1"));
        post("/lessons", lesson("e2e-l2", "acme/eng/data", "2024-03-17T00:00:00Z", "e2e-d2"));
        post("/lessons", lesson("e2e-l3", "acme/eng/platform", "2024-04-10T00:00:00Z", "e2e-d3"));
        post("/decisions", decision("e2e-d4", "acme/eng/platform", "operations", "2025-01-15T00:00:00Z", "e2e-l1"));
        post("/decisions", decision("e2e-d5", "acme/sales", "strategy", "2025-03-01T00:00:00Z", ""));
        post("/behavior-changes", change("e2e-b1", "acme/eng/platform", "2025-01-15T00:00:00Z", "e2e-d4", "e2e-l1"));
        post("/behavior-changes", change("e2e-b2", "acme/sales", "2025-03-01T00:00:00Z", "e2e-d5", "e2e-l2"));
        postCorrectedLoops();
        postPractisedLoops();
    }

    /**
     * acme/legal, 2024: G1 (confidence 0.8, states an uncertainty) plans check-ins on Jan 10 and Jan 20,
     * holds the first in time and the second on Jan 30, after it counted as missed (Jan 24); it failed,
     * and its owner said so. G2 (0.8) went as expected, found by others. One blameless, unfacilitated
     * review of both assigns T1 (done in time), T2 (done late) and T3 (dropped). Lesson M1 from G1 is
     * shared with acme/hr and changes an acme/hr decision; M2 from G2 changes nothing.
     */
    private static void postPractisedLoops() throws Exception {
        post("/decisions", """
                {"decisionId": "e2e-g1", "orgUnit": "acme/legal", "occurredAt": "2024-01-01T00:00:00Z",
                 "sourceTool": "e2e", "actor": "u-1", "title": "Outsource contract review", "category": "operations",
                 "expectedOutcome": "Contracts reviewed in two days", "confidence": 0.8, "reviewBy": "2024-06-01",
                 "checkInDates": ["2024-01-10", "2024-01-20"], "leadingIndicators": ["days-per-contract"],
                 "uncertainties": ["whether the vendor knows our templates"]}""");
        post("/decisions", decision("e2e-g2", "acme/legal", "operations", "2024-02-01T00:00:00Z", ""));
        post("/decisions/e2e-g1/check-ins", checkIn("2024-01-10T00:00:00Z", "2024-01-10"));
        post("/decisions/e2e-g1/check-ins", checkIn("2024-01-30T00:00:00Z", "2024-01-20"));
        post("/decisions/e2e-g1/outcome", outcome("2024-02-01T00:00:00Z").replace("as-expected", "failed")
                .replace("}", ", \"reportedBy\": \"decision-owner\"}"));
        post("/decisions/e2e-g2/outcome", outcome("2024-03-01T00:00:00Z")
                .replace("}", ", \"reportedBy\": \"others\"}"));
        post("/reviews", """
                {"reviewId": "e2e-v1", "orgUnit": "acme/legal", "occurredAt": "2024-03-05T00:00:00Z",
                 "sourceTool": "e2e", "actor": "u-1", "decisionIds": ["e2e-g1", "e2e-g2"], "kind": "retrospective",
                 "rootCauses": [{"theme": "assumptions", "text": "We assumed templates travel"}],
                 "facilitated": false, "blameless": true, "participantCount": 4}""");
        post("/actions", action("e2e-t1", "2024-03-20"));
        post("/actions", action("e2e-t2", "2024-03-20"));
        post("/actions", action("e2e-t3", "2024-12-31"));
        post("/actions/e2e-t1/completion", end("2024-03-15T00:00:00Z", "note", "Done"));
        post("/actions/e2e-t2/completion", end("2024-04-01T00:00:00Z", "note", "Done late"));
        post("/actions/e2e-t3/drop", end("2024-04-01T00:00:00Z", "reason", "Vendor left"));
        post("/lessons", lesson("e2e-m1", "acme/legal", "2024-03-06T00:00:00Z", "e2e-g1"));
        post("/lessons", lesson("e2e-m2", "acme/legal", "2024-03-08T00:00:00Z", "e2e-g2"));
        post("/lessons/e2e-m1/shares", """
                {"occurredAt": "2024-03-07T00:00:00Z", "sourceTool": "e2e", "actor": "u-1",
                 "sharedWithOrgUnit": "acme/hr"}""");
        post("/decisions", decision("e2e-g3", "acme/hr", "talent", "2025-01-10T00:00:00Z", ""));
        post("/behavior-changes", change("e2e-y1", "acme/hr", "2025-01-10T00:00:00Z", "e2e-g3", "e2e-m1"));
    }

    @Test
    void practiceSignalsCountCheckInsActionsSafetyCalibrationAndSpread() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode report = get(analytics, "/analytics/practices?orgUnit=acme/legal&from=2024-01-01&to=2025-01-01");
            // Both check-ins are due; the first was held in time, the second late (missed first).
            assertThat(report.get("checkIns").toString()).isEqualTo("{\"planned\":2,\"due\":2,\"heldInTime\":1,"
                    + "\"heldLate\":1,\"missed\":0,\"inTimeRate\":0.5,\"heldRate\":1.0}");
            // T1..T3 once each, though the review covers two decisions: 2 of 3 done, 1 of 3 in time.
            JsonNode actions = report.get("followThrough");
            assertThat(actions.get("assigned").asLong()).isEqualTo(3);
            assertThat(actions.get("completedLate").asLong()).isEqualTo(1);
            assertThat(actions.get("dropped").asLong()).isEqualTo(1);
            assertThat(actions.get("completionRate").asDouble()).isEqualTo(2.0 / 3);
            assertThat(actions.get("inTimeRate").asDouble()).isEqualTo(1.0 / 3);
            // G1 states an uncertainty, G2 not; G1's bad outcome was self-reported; one blameless review.
            JsonNode safety = report.get("safety");
            assertThat(safety.get("uncertaintyStatedRate").asDouble()).isEqualTo(0.5);
            assertThat(safety.get("selfReportedRate").asDouble()).isEqualTo(0.5);
            assertThat(safety.get("badOutcomesSelfReportedRate").asDouble()).isEqualTo(1.0);
            assertThat(safety.get("blamelessRate").asDouble()).isEqualTo(1.0);
            assertThat(safety.get("facilitatedRate").asDouble()).isEqualTo(0.0);
            // 0.8 for a failure, 0.8 for a hit: mean 0.8, hit rate 0.5, overconfidence 0.3,
            // Brier ((0.8 - 0)^2 + (0.8 - 1)^2) / 2 = (0.64 + 0.04) / 2 = 0.34.
            JsonNode calibration = report.get("calibration");
            assertThat(calibration.get("meanConfidence").asDouble()).isCloseTo(0.8, within(1e-9));
            assertThat(calibration.get("hitRate").asDouble()).isEqualTo(0.5);
            assertThat(calibration.get("overconfidence").asDouble()).isCloseTo(0.3, within(1e-9));
            assertThat(calibration.get("brierScore").asDouble()).isCloseTo(0.34, within(1e-9));
            // M1 was shared and changed an acme/hr decision; M2 neither.
            assertThat(report.get("spread").toString())
                    .isEqualTo("{\"lessons\":2,\"sharedRate\":0.5,\"changedElsewhereRate\":0.5}");
        });
    }

    /**
     * acme/ops, 2024, posted with mistakes and corrected: C1's outcome is amended from 10 to 20 days
     * after it; C2 is retracted with its outcome; C3's outcome (30 days) is retracted and the real one
     * (40 days) posted; lessons K1 (from C1) and K2 (from C3) change C4 in 2025, and K1's change is
     * retracted again.
     */
    private static void postCorrectedLoops() throws Exception {
        post("/decisions", decision("e2e-c1", "acme/ops", "operations", "2024-01-01T00:00:00Z", ""));
        post("/decisions", decision("e2e-c2", "acme/ops", "operations", "2024-02-01T00:00:00Z", ""));
        post("/decisions", decision("e2e-c3", "acme/ops", "operations", "2024-03-01T00:00:00Z", ""));
        post("/decisions/e2e-c1/outcome", outcome("2024-01-11T00:00:00Z"));
        post("/decisions/e2e-c2/outcome", outcome("2024-02-06T00:00:00Z"));
        post("/decisions/e2e-c3/outcome", outcome("2024-03-31T00:00:00Z"));
        post("/decisions/e2e-c1/outcome/amendment", amendment(outcome("2024-01-21T00:00:00Z")));
        post("/decisions/e2e-c2/retraction", RETRACTION);
        post("/decisions/e2e-c3/outcome/retraction", RETRACTION);
        post("/decisions/e2e-c3/outcome", outcome("2024-04-10T00:00:00Z"));
        post("/lessons", lesson("e2e-k1", "acme/ops", "2024-02-01T00:00:00Z", "e2e-c1"));
        post("/lessons", lesson("e2e-k2", "acme/ops", "2024-04-20T00:00:00Z", "e2e-c3"));
        post("/decisions", decision("e2e-c4", "acme/ops", "operations", "2025-01-10T00:00:00Z", ""));
        post("/behavior-changes", change("e2e-x1", "acme/ops", "2025-01-10T00:00:00Z", "e2e-c4", "e2e-k1"));
        post("/behavior-changes", change("e2e-x2", "acme/ops", "2025-01-10T00:00:00Z", "e2e-c4", "e2e-k2"));
        post("/behavior-changes/e2e-x1/retraction", RETRACTION);
    }

    @Test
    void everyMetricAndSearchHonoursAmendmentsAndRetractions() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode latency = get(analytics, "/analytics/latency?orgUnit=acme/ops&from=2024-01-01&to=2025-01-01");
            // decision -> outcome: C1 20 days (amended), C3 40 days (the real outcome); C2 is retracted.
            assertPercentiles(stage(latency, "decision-to-outcome"), 2, 20.0, 40.0, 40.0);
            // outcome -> lesson: C1 2024-01-21 -> K1 2024-02-01 = 11 days, C3 2024-04-10 -> K2 2024-04-20 = 10.
            assertPercentiles(stage(latency, "outcome-to-lesson"), 2, 10.0, 11.0, 11.0);
            // lesson -> change: only K2, 2024-04-20 -> 2025-01-10 = 265 days (K1's change is retracted).
            assertPercentiles(stage(latency, "lesson-to-behavior-change"), 1, 265.0, 265.0, 265.0);
            // decision -> change: only C3, 2024-03-01 -> 2025-01-10 = 315 days.
            assertPercentiles(stage(latency, "decision-to-behavior-change"), 1, 315.0, 315.0, 315.0);

            JsonNode conversion = get(analytics, "/analytics/conversion?orgUnit=acme/ops&from=2024-01-01"
                    + "&to=2025-01-01");
            // K1 and K2 recorded, only K2 converted.
            assertThat(conversion.get("lessonsRecorded").asLong()).isEqualTo(2);
            assertThat(conversion.get("conversionRate").asDouble()).isEqualTo(0.5);

            JsonNode listed = get(queries, "/loops?orgUnit=acme/ops");
            assertThat(listed.get("loops")).extracting(loop -> loop.get("decisionId").asText())
                    .containsExactlyInAnyOrder("e2e-c1", "e2e-c3", "e2e-c4");
            JsonNode retracted = get(queries, "/loops?orgUnit=acme/ops&stage=retracted");
            assertThat(retracted.get("loops")).extracting(loop -> loop.get("decisionId").asText())
                    .containsExactly("e2e-c2");
            JsonNode changed = get(queries, "/loops/e2e-c4").get("loop");
            assertThat(changed.get("appliedLessonIds")).extracting(JsonNode::asText).containsExactly("e2e-k2");
        });
    }

    @Test
    void loopIsReadBackWithItsTimelineAndLatencies() throws Exception {
        // The loop document is read in real time, the timeline is a search: both must have caught up.
        JsonNode answer = await().atMost(Duration.ofSeconds(60)).until(
                () -> get(queries, "/loops/e2e-d1"), loop -> loop.path("loop").path("stage").asText()
                        .equals("behavior-changed") && loop.path("timeline").size() == 4);
        JsonNode loop = answer.get("loop");
        assertThat(loop.get("latency").get("decisionToOutcomeDays").asDouble()).isEqualTo(20.0);
        assertThat(loop.get("latency").get("outcomeToLessonDays").asDouble()).isEqualTo(10.0);
        assertThat(loop.get("latency").get("decisionToBehaviorChangeDays").asDouble()).isEqualTo(371.0);
        assertThat(answer.get("timeline").findValuesAsText("eventType"))
                .containsExactly("DecisionMade", "OutcomeObserved", "LessonRecorded", "BehaviorChanged");

        JsonNode changed = await().atMost(Duration.ofSeconds(60)).until(
                () -> get(queries, "/loops/e2e-d4"), found -> found.path("loop").path("appliedLessonIds").size() == 1);
        assertThat(changed.get("loop").get("informedByLessonIds").get(0).asText()).isEqualTo("e2e-l1");
    }

    @Test
    void analyticsReturnsTheLatencyPercentilesOfTheCohort() throws Exception {
        JsonNode report = await().atMost(Duration.ofSeconds(60)).until(
                () -> get(analytics, "/analytics/latency?orgUnit=acme/eng&from=2024-01-01&to=2025-01-01"),
                // Partitions are read independently: wait until every stage has seen all of its loops.
                latency -> stage(latency, "decision-to-outcome").get("count").asInt() == 3
                        && stage(latency, "outcome-to-lesson").get("count").asInt() == 3
                        && stage(latency, "decision-to-behavior-change").get("count").asInt() == 2
                        && stage(latency, "lesson-to-behavior-change").get("count").asInt() == 2);

        // decision -> outcome: 20, 40, 10 days; sorted 10, 20, 40: p50 = rank 2, p90 = p99 = rank 3.
        assertPercentiles(stage(report, "decision-to-outcome"), 3, 20.0, 40.0, 40.0);
        // outcome -> first later lesson: 10, 5, 30 days.
        assertPercentiles(stage(report, "outcome-to-lesson"), 3, 10.0, 30.0, 30.0);
        // lesson -> change: L1 2024-02-09 -> 2025-01-15 = 341 days, L2 2024-03-17 -> 2025-03-01 = 349 days.
        assertPercentiles(stage(report, "lesson-to-behavior-change"), 2, 341.0, 349.0, 349.0);
        // decision -> change: D1 2024-01-10 -> 2025-01-15 = 371 days, D2 2024-02-01 -> 2025-03-01 = 394 days.
        assertPercentiles(stage(report, "decision-to-behavior-change"), 2, 371.0, 394.0, 394.0);
    }

    @Test
    void analyticsReturnsTheLearningConversionOfTheCohort() throws Exception {
        // acme/eng recorded L1, L2, L3 in 2024; L1 and L2 changed later decisions: 2 of 3.
        JsonNode conversion = await().atMost(Duration.ofSeconds(60)).until(
                () -> get(analytics, "/analytics/conversion?orgUnit=acme/eng&from=2024-01-01&to=2025-01-01"),
                answer -> answer.get("lessonsRecorded").asLong() == 3
                        && answer.get("lessonsWithBehaviorChange").asLong() == 2);
        assertThat(conversion.get("lessonsRecorded").asLong()).isEqualTo(3);
        assertThat(conversion.get("conversionRate").asDouble()).isEqualTo(2.0 / 3.0);
    }

    @Test
    void yearOverYearReportIsAPageWithTheApisNumbersPerYear() throws Exception {
        // acme/eng: 2024 lessons L1, L2, L3 with two converted (67 %); 2025 recorded none.
        JsonNode trends = await().atMost(Duration.ofSeconds(60)).until(
                () -> get(analytics, "/analytics/trends?orgUnit=acme/eng&from=2024&to=2025"),
                report -> report.at("/groups/0/trends/0/values/0").asDouble() == 2.0 / 3);
        JsonNode conversion = trends.at("/groups/0/trends/0");
        assertThat(trends.get("years")).extracting(JsonNode::asInt).containsExactly(2024, 2025);
        assertThat(conversion.get("name").asText()).isEqualTo("Learning conversion");
        assertThat(conversion.at("/values/1").isNull()).isTrue();
        // decision -> outcome p50 of 2024 (10, 20, 40 days), as /analytics/latency has it.
        assertThat(trends.at("/groups/1/trends/0/values/0").asDouble()).isEqualTo(20.0);

        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(analytics.baseUrl()
                + "/reports/trends?orgUnit=acme/eng&from=2024&to=2025")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("Does acme/eng learn from its experience?", "<th>2024</th><th>2025</th>",
                "<td>67 %</td><td><span class=\"none\">–</span></td>");

        HttpResponse<String> backwards = HTTP.send(HttpRequest.newBuilder(URI.create(analytics.baseUrl()
                + "/reports/trends?from=2025&to=2024")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(backwards.body()).at("/errors/0/field").asText()).isEqualTo("to");
    }

    private static void assertPercentiles(JsonNode stage, int count, double p50, double p90, double p99) {
        assertThat(stage.get("count").asInt()).as(stage.toString()).isEqualTo(count);
        assertThat(stage.get("p50Days").asDouble()).as(stage.toString()).isEqualTo(p50);
        assertThat(stage.get("p90Days").asDouble()).as(stage.toString()).isEqualTo(p90);
        assertThat(stage.get("p99Days").asDouble()).as(stage.toString()).isEqualTo(p99);
    }

    private static JsonNode stage(JsonNode report, String name) {
        for (JsonNode stage : report.get("stages")) {
            if (stage.get("stage").asText().equals(name)) {
                return stage;
            }
        }
        throw new AssertionError("no stage " + name + " in " + report);
    }

    private static Path jar(String service) {
        String path = System.getProperty("learningloop.jar." + service);
        if (path == null) {
            throw new IllegalStateException("learningloop.jar." + service + " is not set: run with mvn verify");
        }
        return Path.of(path);
    }

    private static void post(String path, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(commands.baseUrl() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isEqualTo(201);
    }

    private static JsonNode get(ServiceProcess service, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                .build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private static String decision(String id, String orgUnit, String category, String at, String informedBy) {
        return """
                {"decisionId": "%s", "orgUnit": "%s", "occurredAt": "%s", "sourceTool": "e2e", "actor": "u-1",
                 "title": "Decision %s", "category": "%s", "expectedOutcome": "It works", "confidence": 0.8,
                 "reviewBy": "2026-01-01", "informedByLessonIds": [%s]}
                """.formatted(id, orgUnit, at, id, category, informedBy.isEmpty() ? "" : "\"" + informedBy + "\"");
    }

    private static final String RETRACTION = """
            {"sourceTool": "e2e", "actor": "u-2", "reason": "Posted by mistake"}
            """;

    private static String amendment(String correction) {
        return """
                {"sourceTool": "e2e", "actor": "u-2", "reason": "Wrong date", "correction": %s}
                """.formatted(correction);
    }

    private static String checkIn(String at, String scheduledFor) {
        return """
                {"occurredAt": "%s", "sourceTool": "e2e", "actor": "u-1", "scheduledFor": "%s",
                 "readings": [{"indicator": "days-per-contract", "value": "3"}], "onTrack": true}
                """.formatted(at, scheduledFor);
    }

    private static String action(String id, String dueDate) {
        return """
                {"actionId": "%s", "orgUnit": "acme/legal", "occurredAt": "2024-03-05T00:00:00Z", "sourceTool": "e2e",
                 "actor": "u-1", "reviewId": "e2e-v1", "owner": "u-7", "dueDate": "%s", "what": "Share templates"}
                """.formatted(id, dueDate);
    }

    private static String end(String at, String field, String text) {
        return """
                {"occurredAt": "%s", "sourceTool": "e2e", "actor": "u-7", "%s": "%s"}
                """.formatted(at, field, text);
    }

    private static String outcome(String at) {
        return """
                {"occurredAt": "%s", "sourceTool": "e2e", "actor": "u-1", "assessment": "as-expected",
                 "summary": "As planned"}
                """.formatted(at);
    }

    private static String lesson(String id, String orgUnit, String at, String decisionId) {
        return """
                {"lessonId": "%s", "orgUnit": "%s", "occurredAt": "%s", "sourceTool": "e2e", "actor": "u-1",
                 "decisionIds": ["%s"], "lesson": "Lesson %s", "thinkingChange": "We think differently"}
                """.formatted(id, orgUnit, at, decisionId, id);
    }

    private static String change(String id, String orgUnit, String at, String decisionId, String lessonId) {
        return """
                {"behaviorChangeId": "%s", "orgUnit": "%s", "occurredAt": "%s", "sourceTool": "e2e", "actor": "u-1",
                 "lessonIds": ["%s"], "decisionId": "%s", "description": "Made differently"}
                """.formatted(id, orgUnit, at, lessonId, decisionId);
    }
}
