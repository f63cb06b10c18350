package io.learningloop.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.learningloop.access.testing.TestKeys;
import io.learningloop.testsupport.EventTopicReader;
import io.learningloop.testsupport.LocalStack;
import io.learningloop.testsupport.ServiceProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The whole platform from the outside: the three services run from their jars against the real
 * PostgreSQL, Kafka and Elasticsearch; complete loops are posted over HTTP as tools would, then read
 * back from the query service and the analytics API. The expected numbers are worked out by hand
 * in the comments from the dates posted.
 */
class LearningLoopEndToEndIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration BACKFILL_GRACE = Duration.ofSeconds(20);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    // Inside what the services' own users may touch (topics learning-loop.*, indices learning-loop-*).
    private static final String TOPIC = LocalStack.uniqueName("learning-loop.e2e-events-");
    private static final String INDEX_PREFIX = LocalStack.uniqueName("learning-loop-e2e-") + "-";
    /** Every identity the tests post for a person, as the JSON value a store would hold if it kept it. */
    private static final List<String> RAW_PEOPLE =
            List.of("\"u-1\"", "\"u-2\"", "\"u-7\"", "\"u-9\"", "jane.doe", "acme.example");

    private static ServiceProcess commands;
    private static ServiceProcess queries;
    private static ServiceProcess analytics;

    /** Every scope over acme and pseudo, where this test's steps lie: the test is the tool, the analyst and the operator. */
    private static final TestKeys.Issued KEY = TestKeys.everything("acme", "pseudo");

    private static HttpRequest.Builder authorized(URI uri) {
        return HttpRequest.newBuilder(uri).header("Authorization", KEY.bearer());
    }

    @BeforeAll
    static void startPlatform() throws Exception {
        String schema = LocalStack.uniqueName("e2e_");
        Map<String, String> env = new HashMap<>();
        env.put("LL_POSTGRES_URL", LocalStack.postgresUrlWithSchema(schema));
        env.put("SPRING_FLYWAY_SCHEMAS", schema);
        // Each service logs in to Kafka and Elasticsearch as its own user (LL_KAFKA_*_USER, LL_ES_*_USER
        // of stack.env, inherited): the run's own names lie inside what those users may touch
        // (topics learning-loop.*, indices learning-loop-*, groups named after the service), so the
        // least privileges of infra/stack/README.md are shown to be enough for the whole platform.
        env.put("LL_KAFKA_TOPIC", TOPIC);
        env.put("LL_INDEX_PREFIX", INDEX_PREFIX);
        // The stack's key when it made one (infra/stack/stack up exports it), else one of this run's own.
        env.put("LL_PSEUDONYM_KEY_FILE", pseudonymKeyFile().toString());
        env.put("LL_QUERY_CONSUMER_GROUP", LocalStack.uniqueName("query-service-e2e-"));
        env.put("LL_ANALYTICS_CONSUMER_GROUP", LocalStack.uniqueName("analytics-e2e-"));
        // The platform records a backfill's past deadlines this long after the steps arrived (a day by
        // default): within the run, so that the tests see those events arrive and change no figure.
        env.put("LL_DEADLINE_BACKFILL_GRACE", BACKFILL_GRACE.toString());
        Path logs = Path.of("target", "e2e-logs");
        commands = ServiceProcess.start("command-service", jar("command-service"), "LL_COMMAND_PORT", env, logs);
        queries = ServiceProcess.start("query-service", jar("query-service"), "LL_QUERY_PORT", env, logs);
        analytics = ServiceProcess.start("analytics", jar("analytics"), "LL_ANALYTICS_PORT", env, logs);
        for (ServiceProcess service : List.of(commands, queries, analytics)) {
            service.awaitReady(Duration.ofSeconds(300));
        }
        // the command service has made the key table of the schema by now
        DriverManagerDataSource owner = new DriverManagerDataSource(
                LocalStack.postgresUrlWithSchema(schema),
                LocalStack.postgresOwnerUser(),
                LocalStack.postgresOwnerPassword());
        owner.setDriverClassName("org.postgresql.Driver");
        TestKeys.createIn(owner, KEY);
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
        postReviewedLoops();
    }

    /** When the pending review of {@link #postReviewedLoops()} was held: ten days before the run. */
    private static final Instant RECENT_REVIEW =
            Instant.now().minus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS);

    /**
     * acme/quality, one review of each verdict (settling window 180 days) and one lesson learned again.
     * 2024: O1 Feb 1, O2 Mar 1, O3 Apr 1, O4 Jun 1. V2 (Feb 15, information) of O1 assigns K1, completed
     * Mar 1; lesson N1 (Feb 20, theme information) names V2 and changes O4 (Z1, Jun 1): practice. V3 (Mar 10,
     * information) of O2 assigns K2, dropped: no lesson, nothing completed, settled: ritual; and N1's theme
     * is back as its root cause 19 days after N1 (Feb 20 -> Feb 29 is 9 days in 2024, -> Mar 10 another 10).
     * V4 (Apr 10, tooling) of O3 assigns K3, completed: partial. V6 (May 1, information) of O3 is retracted:
     * it counts nowhere, not even as a recurrence. O5 (20 days ago) has V5 (10 days ago, capacity): pending.
     */
    private static void postReviewedLoops() throws Exception {
        post("/decisions", decision("e2e-qo1", "acme/quality", "operations", "2024-02-01T00:00:00Z", ""));
        post("/decisions", decision("e2e-qo2", "acme/quality", "operations", "2024-03-01T00:00:00Z", ""));
        post("/decisions", decision("e2e-qo3", "acme/quality", "operations", "2024-04-01T00:00:00Z", ""));
        post("/reviews", review("e2e-qv2", "acme/quality", "2024-02-15T00:00:00Z", "e2e-qo1"));
        post("/actions", action("e2e-qk1", "acme/quality", "e2e-qv2", "2024-02-15T00:00:00Z", "2024-03-15"));
        post("/actions/e2e-qk1/completion", end("2024-03-01T00:00:00Z", "note", "Done"));
        post("/lessons", """
                {"lessonId": "e2e-qn1", "orgUnit": "acme/quality", "occurredAt": "2024-02-20T00:00:00Z", "sourceTool": "e2e",
                 "actor": "u-1", "decisionIds": ["e2e-qo1"], "reviewIds": ["e2e-qv2"], "themes": ["information"],
                 "extractionPractice": "facilitated-challenge", "lesson": "Read the dates before deciding",
                 "thinkingChange": "We check the calendar first"}""");
        post("/decisions", decision("e2e-qo4", "acme/quality", "operations", "2024-06-01T00:00:00Z", "e2e-qn1"));
        post("/behavior-changes", change("e2e-qz1", "acme/quality", "2024-06-01T00:00:00Z", "e2e-qo4", "e2e-qn1"));
        post("/reviews", review("e2e-qv3", "acme/quality", "2024-03-10T00:00:00Z", "e2e-qo2"));
        post("/actions", action("e2e-qk2", "acme/quality", "e2e-qv3", "2024-03-10T00:00:00Z", "2024-04-10"));
        post("/actions/e2e-qk2/drop", end("2024-04-01T00:00:00Z", "reason", "No time"));
        post(
                "/reviews",
                review("e2e-qv4", "acme/quality", "2024-04-10T00:00:00Z", "e2e-qo3")
                        .replace("information", "tooling"));
        post("/actions", action("e2e-qk3", "acme/quality", "e2e-qv4", "2024-04-10T00:00:00Z", "2024-05-10"));
        post("/actions/e2e-qk3/completion", end("2024-05-01T00:00:00Z", "note", "Done"));
        post("/reviews", review("e2e-qv6", "acme/quality", "2024-05-01T00:00:00Z", "e2e-qo3"));
        post("/reviews/e2e-qv6/retraction", RETRACTION);
        post(
                "/decisions",
                decision(
                                "e2e-qo5",
                                "acme/quality",
                                "operations",
                                RECENT_REVIEW.minus(Duration.ofDays(10)).toString(),
                                "")
                        .replace(
                                "2026-01-01",
                                RECENT_REVIEW
                                        .plus(Duration.ofDays(90))
                                        .toString()
                                        .substring(0, 10)));
        post(
                "/reviews",
                review("e2e-qv5", "acme/quality", RECENT_REVIEW.toString(), "e2e-qo5")
                        .replace("information", "capacity"));
    }

    @Test
    void everyReviewGetsItsVerdictAndALessonWhoseThemeCameBackIsLearnedAgain() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode reviews = get(analytics, "/analytics/reviews?orgUnit=acme/quality");
            assertThat(reviews.get("settlingWindowDays").asInt()).isEqualTo(180);
            assertThat(reviews.at("/summary").toString())
                    .isEqualTo(JSON.readTree("""
                            {"reviews": 4, "practice": 1, "ritual": 1, "partial": 1, "pending": 1,
                             "ritualRate": %s, "practiceRate": %s}""".formatted(1.0 / 3, 1.0 / 3)).toString());
            Map<String, String> verdicts = new HashMap<>();
            reviews.get("reviews")
                    .forEach(review -> verdicts.put(
                            review.get("reviewId").asText(),
                            review.get("verdict").asText()));
            assertThat(verdicts)
                    .isEqualTo(Map.of(
                            "e2e-qv2", "practice", "e2e-qv3", "ritual", "e2e-qv4", "partial", "e2e-qv5", "pending"));
            JsonNode practice = reviews.get("reviews").get(0);
            assertThat(practice.get("reviewId").asText()).isEqualTo("e2e-qv2");
            assertThat(practice.get("reasons").toString())
                    .isEqualTo("[\"named root causes (information)\",\"1 of 1 actions completed\","
                            + "\"1 of 1 lesson changed a later decision\"]");

            JsonNode rituals = get(analytics, "/analytics/reviews?orgUnit=acme/quality&verdict=ritual");
            assertThat(rituals.get("reviews")).hasSize(1);
            assertThat(rituals.at("/reviews/0/reviewId").asText()).isEqualTo("e2e-qv3");
            assertThat(rituals.at("/reviews/0/settlesOn").asText()).isEqualTo("2024-09-06");

            // The 2024 decisions only: V5 (of O5, made 20 days ago) is not in the cohort.
            JsonNode practices =
                    get(analytics, "/analytics/practices?orgUnit=acme/quality&from=2024-01-01&to=2025-01-01");
            assertThat(practices.at("/reviews/reviews").asInt()).isEqualTo(3);
            assertThat(practices.at("/reviews/pending").asInt()).isEqualTo(0);
            assertThat(practices.at("/reviews/ritualRate").asDouble()).isEqualTo(1.0 / 3);

            JsonNode relearning =
                    get(analytics, "/analytics/relearning?orgUnit=acme/quality&from=2024-01-01&to=2025-01-01");
            assertThat(relearning.get("summary").toString())
                    .isEqualTo("{\"lessonsWithThemes\":1,\"lessonsJudged\":1,\"relearned\":1,\"relearningRate\":1.0}");
            assertThat(relearning.get("windowDays").asInt()).isEqualTo(365);

            // The landing page's line for acme/quality in 2024: the same figures, and the unit under acme.
            JsonNode units = get(analytics, "/analytics/units?year=2024");
            JsonNode quality = null;
            for (JsonNode unit : units.get("units")) {
                if (unit.get("orgUnit").asText().equals("acme/quality")) {
                    quality = unit;
                }
            }
            assertThat(quality).as(units.toString()).isNotNull();
            assertThat(quality.get("depth").asInt()).isEqualTo(1);
            // O1-O4; O4 changed because of N1, but N1 is of 2024 too, not of the year before
            assertThat(quality.get("decisionsMade").asInt()).isEqualTo(4);
            assertThat(quality.get("decisionsWithEvidence").asInt()).isEqualTo(0);
            assertThat(quality.get("lessonsRecorded").asInt()).isEqualTo(1);
            assertThat(quality.get("conversionRate").asDouble()).isEqualTo(1.0);
            assertThat(quality.at("/reviews/ritual").asInt()).isEqualTo(1);
            assertThat(quality.at("/reviews/ritualRate").asDouble()).isEqualTo(1.0 / 3);
            assertThat(quality.at("/relearning/relearningRate").asDouble()).isEqualTo(1.0);
            assertThat(units.at("/units/0/orgUnit").asText()).isEqualTo("acme");
            assertThat(relearning.get("recurrences")).hasSize(1);
            JsonNode again = relearning.at("/recurrences/0");
            assertThat(again.get("lessonId").asText()).isEqualTo("e2e-qn1");
            assertThat(again.get("reviewId").asText()).isEqualTo("e2e-qv3");
            assertThat(again.get("themes").toString()).isEqualTo("[\"information\"]");
            assertThat(again.get("daysBetween").asDouble()).isEqualTo(19.0);
        });
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
        post(
                "/decisions/e2e-g1/outcome",
                outcome("2024-02-01T00:00:00Z")
                        .replace("as-expected", "failed")
                        .replace("}", ", \"reportedBy\": \"decision-owner\"}"));
        post(
                "/decisions/e2e-g2/outcome",
                outcome("2024-03-01T00:00:00Z").replace("}", ", \"reportedBy\": \"others\"}"));
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
            assertThat(report.get("checkIns").toString())
                    .isEqualTo("{\"planned\":2,\"due\":2,\"heldInTime\":1,"
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

            JsonNode conversion =
                    get(analytics, "/analytics/conversion?orgUnit=acme/ops&from=2024-01-01" + "&to=2025-01-01");
            // K1 and K2 recorded, only K2 converted.
            assertThat(conversion.get("lessonsRecorded").asLong()).isEqualTo(2);
            assertThat(conversion.get("conversionRate").asDouble()).isEqualTo(0.5);

            JsonNode listed = get(queries, "/loops?orgUnit=acme/ops");
            assertThat(listed.get("loops"))
                    .extracting(loop -> loop.get("decisionId").asText())
                    .containsExactlyInAnyOrder("e2e-c1", "e2e-c3", "e2e-c4");
            JsonNode retracted = get(queries, "/loops?orgUnit=acme/ops&stage=retracted");
            assertThat(retracted.get("loops"))
                    .extracting(loop -> loop.get("decisionId").asText())
                    .containsExactly("e2e-c2");
            JsonNode changed = get(queries, "/loops/e2e-c4").get("loop");
            assertThat(changed.get("appliedLessonIds"))
                    .extracting(JsonNode::asText)
                    .containsExactly("e2e-k2");
        });
    }

    @Test
    void loopIsReadBackWithItsTimelineAndLatencies() throws Exception {
        // The loop document is read in real time, the timeline is a search: both must have caught up.
        JsonNode answer = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> get(queries, "/loops/e2e-d1"),
                        loop -> loop.path("loop").path("stage").asText().equals("behavior-changed")
                                && loop.path("timeline").size() == 4);
        JsonNode loop = answer.get("loop");
        assertThat(loop.get("latency").get("decisionToOutcomeDays").asDouble()).isEqualTo(20.0);
        assertThat(loop.get("latency").get("outcomeToLessonDays").asDouble()).isEqualTo(10.0);
        assertThat(loop.get("latency").get("decisionToBehaviorChangeDays").asDouble())
                .isEqualTo(371.0);
        assertThat(answer.get("timeline").findValuesAsText("eventType"))
                .containsExactly("DecisionMade", "OutcomeObserved", "LessonRecorded", "BehaviorChanged");

        JsonNode changed = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> get(queries, "/loops/e2e-d4"),
                        found -> found.path("loop").path("appliedLessonIds").size() == 1);
        assertThat(changed.get("loop").get("informedByLessonIds").get(0).asText())
                .isEqualTo("e2e-l1");
    }

    @Test
    void analyticsReturnsTheLatencyPercentilesOfTheCohort() throws Exception {
        JsonNode report = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> get(analytics, "/analytics/latency?orgUnit=acme/eng&from=2024-01-01&to=2025-01-01"),
                        // Partitions are read independently: wait until every stage has seen all of its loops.
                        latency -> stage(latency, "decision-to-outcome")
                                                .get("count")
                                                .asInt()
                                        == 3
                                && stage(latency, "outcome-to-lesson")
                                                .get("count")
                                                .asInt()
                                        == 3
                                && stage(latency, "decision-to-behavior-change")
                                                .get("count")
                                                .asInt()
                                        == 2
                                && stage(latency, "lesson-to-behavior-change")
                                                .get("count")
                                                .asInt()
                                        == 2);

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
        JsonNode conversion = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> get(analytics, "/analytics/conversion?orgUnit=acme/eng&from=2024-01-01&to=2025-01-01"),
                        answer -> answer.get("lessonsRecorded").asLong() == 3
                                && answer.get("lessonsWithBehaviorChange").asLong() == 2);
        assertThat(conversion.get("lessonsRecorded").asLong()).isEqualTo(3);
        assertThat(conversion.get("conversionRate").asDouble()).isEqualTo(2.0 / 3.0);
        // Wilson, 2 of 3: centre (p + z^2/2n) / (1 + z^2/n), half width z/(1 + z^2/n) sqrt(p(1-p)/n + z^2/4n^2).
        JsonNode rate = conversion.at("/rates/conversionRate");
        assertThat(rate.get("numerator").asLong()).isEqualTo(2);
        assertThat(rate.get("denominator").asLong()).isEqualTo(3);
        assertThat(rate.get("lower95").asDouble()).isCloseTo(0.207660, within(1e-5));
        assertThat(rate.get("upper95").asDouble()).isCloseTo(0.938508, within(1e-5));
        // Kaplan-Meier: L1 converted on day 341, L2 on day 349, L3 never (censored at its age, over 365
        // days by now). Within 180 days: no conversion of 3 followed, upper end 1 - 0.025^(1/3) = 0.707598.
        // Within 365: S = 2/3 * 1/2 = 1/3, share 2/3; Greenwood 1/(3*2) + 1/(2*1) = 2/3 on the log(-log)
        // scale: se = sqrt(2/3) / ln 3 = 0.743156, bounds 1 - S^(e^(-+1.96 se)) = 0.225851 and 0.991038.
        JsonNode withinHalfAYear = conversion.at("/withinDays/2");
        assertThat(withinHalfAYear.get("days").asInt()).isEqualTo(180);
        assertThat(withinHalfAYear.get("share").asDouble()).isZero();
        assertThat(withinHalfAYear.get("followed").asLong()).isEqualTo(3);
        assertThat(withinHalfAYear.get("upper95").asDouble()).isCloseTo(0.707598, within(1e-5));
        JsonNode withinAYear = conversion.at("/withinDays/3");
        assertThat(withinAYear.get("days").asInt()).isEqualTo(365);
        assertThat(withinAYear.get("share").asDouble()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(withinAYear.get("followed").asLong()).isEqualTo(1);
        assertThat(withinAYear.get("events").asLong()).isEqualTo(2);
        assertThat(withinAYear.get("lower95").asDouble()).isCloseTo(0.225851, within(1e-5));
        assertThat(withinAYear.get("upper95").asDouble()).isCloseTo(0.991038, within(1e-5));
        assertThat(withinAYear.has("variance")).isFalse();
        assertThat(conversion.get("definitionsVersion").asText()).matches("[0-9a-f]{12}");
    }

    @Test
    void yearOverYearReportIsAPageWithTheApisNumbersPerYear() throws Exception {
        // acme/eng: 2024 lessons L1, L2, L3 with two converted (67 %); 2025 recorded none.
        JsonNode trends = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> get(analytics, "/analytics/trends?orgUnit=acme/eng&from=2024&to=2025"),
                        report -> report.at("/groups/1/trends/0/values/0").asDouble() == 2.0 / 3);
        JsonNode conversion = trends.at("/groups/1/trends/0");
        assertThat(trends.get("years")).extracting(JsonNode::asInt).containsExactly(2024, 2025);
        assertThat(conversion.get("name").asText()).isEqualTo("Learning conversion");
        assertThat(conversion.at("/values/1").isNull()).isTrue();
        // decision -> outcome p50 of 2024 (10, 20, 40 days), as /analytics/latency has it.
        assertThat(trends.at("/groups/3/trends/0/values/0").asDouble()).isEqualTo(20.0);

        HttpResponse<String> page = HTTP.send(
                authorized(URI.create(analytics.baseUrl() + "/reports/trends?orgUnit=acme/eng&from=2024&to=2025"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body())
                .contains(
                        "Does acme/eng learn from its experience?",
                        "<th>2024</th><th>2025</th>",
                        // Wilson 95 % of 2 of 3: 20.8–93.9 %
                        "<td>67 % <small>(21–94 %), n = 3</small></td><td><span class=\"none\">–</span></td>",
                        // 2024's 67 % drawn on 0–100 % (y 36 - 32 * 2/3), 2025 left empty
                        "<circle cx=\"32.0\" cy=\"14.7\" r=\"2.5\"/></svg>",
                        "<section class=\"answer\"><h2>Were decisions made differently in 2025 because of what was"
                                + " learned in 2024?</h2>")
                .doesNotContain("<script");

        HttpResponse<String> backwards = HTTP.send(
                authorized(URI.create(analytics.baseUrl() + "/reports/trends?from=2025&to=2024"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(backwards.body()).at("/errors/0/field").asText())
                .isEqualTo("to");
    }

    /**
     * acme/backfill, 2024, posted years later as a backfill: B1 plans check-ins on Jun 10 (held Jun 20, after it
     * counted as missed on Jun 14: held late) and Jul 1 (never held); B2 plans Jun 15 (never held). Review V1
     * of both assigns Q1 (due Aug 1, left open), Q2 (due Aug 1, done Aug 10: late) and Q3 (due Jul 20, done
     * Jul 15). By the answer's time every date has passed: check-ins planned 3, due 3, in time 0, late 1,
     * missed 2 (in time 0/3, held 1/3); actions 3, completed 2, late 1, open 1 and overdue (2/3, in time 1/3).
     * That is the answer right after the import, before the platform recorded the misses and Q1's overdue
     * ({@link #BACKFILL_GRACE} later), and the same answer after it did.
     */
    @Test
    void aBackfillsPastDatesCountAtOnceAndThePlatformsOwnEventsChangeNoFigure() throws Exception {
        post("/decisions", decisionWithCheckIns("e2e-bf1", "2024-06-01T00:00:00Z", "\"2024-06-10\", \"2024-07-01\""));
        post("/decisions", decisionWithCheckIns("e2e-bf2", "2024-06-05T00:00:00Z", "\"2024-06-15\""));
        post("/decisions/e2e-bf1/check-ins", checkIn("2024-06-20T00:00:00Z", "2024-06-10"));
        post("/reviews", review("e2e-bfv", "acme/backfill", "2024-07-10T00:00:00Z", "e2e-bf1", "e2e-bf2"));
        post("/actions", action("e2e-bfq1", "acme/backfill", "e2e-bfv", "2024-07-10T00:00:00Z", "2024-08-01"));
        post("/actions", action("e2e-bfq2", "acme/backfill", "e2e-bfv", "2024-07-10T00:00:00Z", "2024-08-01"));
        post("/actions", action("e2e-bfq3", "acme/backfill", "e2e-bfv", "2024-07-10T00:00:00Z", "2024-07-20"));
        post("/actions/e2e-bfq2/completion", end("2024-08-10T00:00:00Z", "note", "Done late"));
        post("/actions/e2e-bfq3/completion", end("2024-07-15T00:00:00Z", "note", "Done"));
        Instant posted = Instant.now();
        String practices = "/analytics/practices?orgUnit=acme/backfill&from=2024-01-01&to=2025-01-01";
        String expectedCheckIns = "{\"planned\":3,\"due\":3,\"heldInTime\":0,\"heldLate\":1,\"missed\":2,"
                + "\"inTimeRate\":0.0,\"heldRate\":" + (1.0 / 3) + "}";
        String expectedActions = "{\"assigned\":3,\"completed\":2,\"completedLate\":1,\"dropped\":0,\"open\":1,"
                + "\"openOverdue\":1,\"completionRate\":" + (2.0 / 3) + ",\"inTimeRate\":" + (1.0 / 3) + "}";

        JsonNode rightAfter = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> get(analytics, practices),
                        // The review's verdict too: analytics recomputes the verdicts a moment after
                        // the review arrives (decision 0011), and on a slower (replicated) cluster that
                        // moment came after the first two parts were right.
                        report -> report.path("checkIns").toString().equals(expectedCheckIns)
                                && report.path("followThrough").toString().equals(expectedActions)
                                && report.path("reviews").path("reviews").asInt() == 1);
        JsonNode loopRightAfter = get(queries, "/loops/e2e-bf2").get("loop");
        // Read before the platform's deadlines fired: none of its own events has been recorded yet.
        assertThat(Duration.between(posted, Instant.now())).isLessThan(BACKFILL_GRACE);
        assertThat(eventTypes("e2e-bf2")).doesNotContain("CheckInMissed");
        assertThat(loopRightAfter.get("checkInCounts").toString())
                .isEqualTo("{\"planned\":1,\"held\":0,\"missed\":1,\"heldLate\":0}");

        // Then the platform records them: B1's Jul 1 and B2's Jun 15 missed, Q1 overdue.
        await().atMost(BACKFILL_GRACE.plusSeconds(90)).untilAsserted(() -> {
            assertThat(eventTypes("e2e-bf2")).contains("CheckInMissed");
            assertThat(eventTypes("e2e-bf1"))
                    .filteredOn("CheckInMissed"::equals)
                    .hasSize(2);
            assertThat(eventTypes("e2e-bf1"))
                    .filteredOn("ActionOverdue"::equals)
                    .hasSize(2);
        });
        assertThat(get(analytics, practices)).isEqualTo(rightAfter);
        JsonNode loopAfter = get(queries, "/loops/e2e-bf2").get("loop");
        assertThat(loopAfter.get("checkIns")).isEqualTo(loopRightAfter.get("checkIns"));
        assertThat(loopAfter.get("checkInCounts")).isEqualTo(loopRightAfter.get("checkInCounts"));
    }

    /**
     * acme/repost: a bulk file with every kind of step and every kind of correction — an outcome retracted
     * and posted anew, a decision moved to another unit after its check-in and outcome were posted without
     * one, a lesson amended twice, retractions of a decision, review, action, lesson and behaviour change —
     * posted twice. The second time every line is a repeat and no analytics answer of the cohorts changes.
     */
    @Test
    void aFilePostedAgainChangesNothingWhateverItCorrected() throws Exception {
        List<JsonNode> first = postBulk(REPOST_FILE);
        assertThat(first)
                .allSatisfy(line -> assertThat(line.get("status").asInt())
                        .as(line.toString())
                        .isEqualTo(201));

        // Hand-computed from the file, 2024: latency C1 2024-01-01 -> 2024-02-12 (amended) = 42 days, C2
        // 2024-02-01 -> 2024-03-15 (the outcome posted anew) = 43; one live lesson (L2 is retracted), converted
        // by X1 (X2 is retracted); C1's check-in of Jan 15 held in time, Feb 1 never held: missed; of the
        // actions of V1, T1 done in time, T2 open past its due date, T3 dropped (T4 is retracted).
        String practices = "/analytics/practices?orgUnit=acme/repost&from=2024-01-01&to=2025-01-01";
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode latency = get(analytics, "/analytics/latency?orgUnit=acme/repost&from=2024-01-01&to=2025-01-01");
            assertPercentiles(stage(latency, "decision-to-outcome"), 2, 42.0, 43.0, 43.0);
            JsonNode conversion =
                    get(analytics, "/analytics/conversion?orgUnit=acme/repost&from=2024-01-01" + "&to=2025-01-01");
            assertThat(conversion.get("lessonsRecorded").asLong()).isEqualTo(1);
            assertThat(conversion.get("lessonsWithBehaviorChange").asLong()).isEqualTo(1);
            JsonNode report = get(analytics, practices);
            assertThat(report.get("checkIns").toString())
                    .isEqualTo("{\"planned\":2,\"due\":2,\"heldInTime\":1,"
                            + "\"heldLate\":0,\"missed\":1,\"inTimeRate\":0.5,\"heldRate\":0.5}");
            assertThat(report.get("followThrough").toString())
                    .isEqualTo("{\"assigned\":3,\"completed\":1,"
                            + "\"completedLate\":0,\"dropped\":1,\"open\":1,\"openOverdue\":1,\"completionRate\":"
                            + (1.0 / 3) + ",\"inTimeRate\":" + (1.0 / 3) + "}");
            // V2 is retracted: one review; L1 was shared.
            assertThat(report.at("/safety/reviews").asLong()).isEqualTo(1);
            assertThat(report.at("/spread/sharedRate").asDouble()).isEqualTo(1.0);
            assertThat(get(queries, "/loops/e2e-rd1").at("/loop/orgUnit").asText())
                    .isEqualTo("acme/repost/b");
            assertThat(get(queries, "/loops/e2e-rd3")
                            .at("/loop/appliedLessonIds/0")
                            .asText())
                    .isEqualTo("e2e-rl1");
            assertThat(get(queries, "/loops/e2e-rd4")
                            .at("/loop/appliedLessonIds")
                            .size())
                    .isZero();
        });
        // Settled: every event of the file projected, so that two reads a few seconds apart agree.
        AtomicReference<Map<String, JsonNode>> previous = new AtomicReference<>(Map.of());
        Map<String, JsonNode> before = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(3))
                .until(
                        () -> analyticsAnswers("acme/repost", "acme/repost/a", "acme/repost/b"),
                        answers -> answers.equals(previous.getAndSet(answers)));

        List<JsonNode> again = postBulk(REPOST_FILE);
        assertThat(again).hasSameSizeAs(first);
        for (int i = 0; i < again.size(); i++) {
            JsonNode line = again.get(i);
            assertThat(line.get("status").asInt()).as(line.toString()).isEqualTo(200);
            assertThat(line.get("alreadyRecorded").asBoolean())
                    .as(line.toString())
                    .isTrue();
            assertThat(line.get("eventId"))
                    .as(line.toString())
                    .isEqualTo(first.get(i).get("eventId"));
        }
        Map<String, JsonNode> after = analyticsAnswers("acme/repost", "acme/repost/a", "acme/repost/b");
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((query, answer) -> assertThat(after.get(query)).as(query).isEqualTo(answer));
    }

    /** Every analytics answer for the units, for 2024 and 2025, by path. */
    /**
     * Whoever a tool names, in a single post or a bulk line, Elasticsearch and Kafka hold only the
     * pseudonym: every stored document and every record is read and searched for the raw identities
     * (PostgreSQL is scanned by the command service's PseudonymsIntegrationTest). The same person
     * posted in two spellings and two ways is one pseudonym in the loop.
     */
    @Test
    void noRawActorOrOwnerReachesElasticsearchOrKafka() throws Exception {
        post(
                "/decisions",
                decision("e2e-pn1", "pseudo/eng", "operations", "2024-06-01T00:00:00Z", "")
                        .replace("\"u-1\"", "\"Jane.Doe@Acme.example\""));
        assertThat(postBulk("""
                        {"step": "outcome", "decisionId": "e2e-pn1", "occurredAt": "2024-07-01T00:00:00Z", "sourceTool": "e2e-bulk", "actor": " jane.doe@acme.example", "assessment": "as-expected", "summary": "Fine"}
                        """))
                .allSatisfy(line -> assertThat(line.get("status").asInt()).isEqualTo(201));

        AtomicReference<JsonNode> loop = new AtomicReference<>();
        // The loop is read after both events are in the events index, and read again until its own
        // timeline has both: the loops index is another projection, written a moment apart.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(eventTypes("e2e-pn1")).contains("DecisionMade", "OutcomeObserved");
            JsonNode current = get(queries, "/loops/e2e-pn1");
            assertThat(current.path("timeline").findValuesAsText("actor")).hasSizeGreaterThanOrEqualTo(2);
            loop.set(current);
        });
        List<String> actors = loop.get().get("timeline").findValuesAsText("actor");
        assertThat(actors).hasSizeGreaterThanOrEqualTo(2).containsOnly(actors.get(0));
        assertThat(actors.get(0)).matches("p-[a-z2-7]{26}");

        try (EventTopicReader topic = new EventTopicReader(TOPIC)) {
            // Every record published so far is indexed once in the events index (its id is the event id).
            AtomicReference<List<String>> records = new AtomicReference<>();
            AtomicReference<List<String>> documents = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                records.set(topic.poll().stream()
                        .map(record -> new String(record.value(), StandardCharsets.UTF_8))
                        .toList());
                documents.set(elasticsearchDocuments());
                long events = elasticsearch("/" + INDEX_PREFIX + "events/_count", null)
                        .get("count")
                        .asLong();
                assertThat(records.get()).isNotEmpty();
                assertThat(events).isGreaterThanOrEqualTo(records.get().size());
            });
            for (String record : records.get()) {
                assertThat(record.toLowerCase(java.util.Locale.ROOT)).doesNotContain(RAW_PEOPLE);
                assertThat(JSON.readTree(record).findValuesAsText("actor"))
                        .allMatch(actor -> actor.matches("p-[a-z2-7]{26}|learning-loop"));
            }
            for (String document : documents.get()) {
                assertThat(document.toLowerCase(java.util.Locale.ROOT)).doesNotContain(RAW_PEOPLE);
            }
        }
        // Searched as well as read: no indexed field of any index matches a raw identity.
        for (String raw : List.of("u-1", "u-2", "u-7", "u-9", "jane.doe@acme.example")) {
            JsonNode hits = elasticsearch("/" + INDEX_PREFIX + "*/_search", """
                    {"size": 0, "track_total_hits": true, "query": {"multi_match": {"query": "%s",
                     "fields": ["actor", "owner", "*.actor", "*.owner"], "lenient": true}}}
                    """.formatted(raw));
            assertThat(hits.at("/hits/total/value").asLong()).as(raw).isZero();
        }
    }

    /** The _source of every document in the platform's indices of this run, as JSON text. */
    private static List<String> elasticsearchDocuments() throws Exception {
        elasticsearch("/" + INDEX_PREFIX + "*/_refresh", null);
        JsonNode answer = elasticsearch("/" + INDEX_PREFIX + "*/_search?size=10000", """
                {"query": {"match_all": {}}}
                """);
        List<String> documents = new java.util.ArrayList<>();
        answer.at("/hits/hits").forEach(hit -> documents.add(hit.get("_source").toString()));
        return documents;
    }

    private static JsonNode elasticsearch(String path, String body) throws Exception {
        // as the stack's Elasticsearch admin: the test reads every index, whoever wrote it
        String admin = LocalStack.elasticsearchAdminUser() + ":" + LocalStack.elasticsearchAdminPassword();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(LocalStack.elasticsearchUrl() + path))
                .header("Content-Type", "application/json")
                .header(
                        "Authorization",
                        "Basic "
                                + java.util.Base64.getEncoder().encodeToString(admin.getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> response = HTTP.send(
                (body == null
                                ? request.POST(HttpRequest.BodyPublishers.noBody())
                                : request.POST(HttpRequest.BodyPublishers.ofString(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** {@code LL_PSEUDONYM_KEY_FILE} when the stack exported one, else 32 random bytes of this run. */
    private static Path pseudonymKeyFile() throws java.io.IOException {
        String given = System.getenv("LL_PSEUDONYM_KEY_FILE");
        if (given != null && !given.isBlank()) {
            return Path.of(given);
        }
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        Path file = Path.of("target", "e2e-pseudonym.key").toAbsolutePath();
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.writeString(file, java.util.Base64.getEncoder().encodeToString(key));
        return file;
    }

    private static Map<String, JsonNode> analyticsAnswers(String... orgUnits) throws Exception {
        Map<String, JsonNode> answers = new java.util.TreeMap<>();
        for (String orgUnit : orgUnits) {
            for (String path : List.of("latency", "conversion", "practices")) {
                for (String period : List.of("from=2024-01-01&to=2025-01-01", "from=2025-01-01&to=2026-01-01")) {
                    String query = "/analytics/" + path + "?orgUnit=" + orgUnit + "&" + period;
                    answers.put(query, get(analytics, query));
                }
            }
            String trends = "/analytics/trends?orgUnit=" + orgUnit + "&from=2024&to=2025";
            answers.put(trends, get(analytics, trends));
        }
        return answers;
    }

    private static final String REPOST_FILE = """
            {"step": "decision", "decisionId": "e2e-rd1", "orgUnit": "acme/repost/a", "occurredAt": "2024-01-01T00:00:00Z", "sourceTool": "e2e", "actor": "u-1", "title": "Queue the invoices", "category": "operations", "expectedOutcome": "Fewer failures", "confidence": 0.8, "reviewBy": "2024-06-01", "checkInDates": ["2024-01-15", "2024-02-01"], "leadingIndicators": ["failures"]}
            {"step": "check-in", "decisionId": "e2e-rd1", "occurredAt": "2024-01-15T10:00:00Z", "sourceTool": "e2e", "actor": "u-1", "scheduledFor": "2024-01-15", "readings": [{"indicator": "failures", "value": "4"}], "onTrack": true}
            {"step": "outcome", "decisionId": "e2e-rd1", "occurredAt": "2024-02-10T00:00:00Z", "sourceTool": "e2e", "actor": "u-1", "assessment": "as-expected", "summary": "Fewer failures", "reportedBy": "decision-owner"}
            {"step": "decision", "decisionId": "e2e-rd2", "orgUnit": "acme/repost/a", "occurredAt": "2024-02-01T00:00:00Z", "sourceTool": "e2e", "actor": "u-1", "title": "Queue the payments", "category": "operations", "expectedOutcome": "Fewer failures", "confidence": 0.6, "reviewBy": "2024-06-01"}
            {"step": "outcome", "decisionId": "e2e-rd2", "occurredAt": "2024-03-01T00:00:00Z", "sourceTool": "e2e", "actor": "u-1", "assessment": "failed", "summary": "Posted for the wrong decision"}
            {"step": "outcome-retraction", "decisionId": "e2e-rd2", "sourceTool": "e2e", "actor": "u-2", "reason": "Outcome of another decision"}
            {"step": "outcome", "decisionId": "e2e-rd2", "occurredAt": "2024-03-15T00:00:00Z", "sourceTool": "e2e", "actor": "u-1", "assessment": "worse-than-expected", "summary": "Failures moved", "reportedBy": "others"}
            {"step": "outcome-amendment", "decisionId": "e2e-rd1", "sourceTool": "e2e", "actor": "u-2", "reason": "Wrong day", "correction": {"occurredAt": "2024-02-12T00:00:00Z", "sourceTool": "e2e", "actor": "u-1", "assessment": "as-expected", "summary": "Fewer failures", "reportedBy": "decision-owner"}}
            {"step": "decision-amendment", "decisionId": "e2e-rd1", "sourceTool": "e2e", "actor": "u-2", "reason": "Wrong team", "correction": {"orgUnit": "acme/repost/b", "occurredAt": "2024-01-01T00:00:00Z", "sourceTool": "e2e", "actor": "u-1", "title": "Queue the invoices", "category": "operations", "expectedOutcome": "Fewer failures", "confidence": 0.8, "reviewBy": "2024-06-01", "checkInDates": ["2024-01-15", "2024-02-01"], "leadingIndicators": ["failures"]}}
            {"step": "review", "reviewId": "e2e-rv1", "orgUnit": "acme/repost/a", "occurredAt": "2024-03-20T00:00:00Z", "sourceTool": "e2e", "actor": "u-1", "decisionIds": ["e2e-rd1", "e2e-rd2"], "kind": "post-mortem", "rootCauses": [{"theme": "ownership", "text": "Nobody owned the queue"}], "facilitated": true, "blameless": true, "participantCount": 5}
            {"step": "action", "actionId": "e2e-rt1", "orgUnit": "acme/repost/a", "occurredAt": "2024-03-20T00:00:00Z", "sourceTool": "e2e", "actor": "u-1", "reviewId": "e2e-rv1", "owner": "u-9", "dueDate": "2024-04-01", "what": "Name an owner"}
            {"step": "action-completion", "actionId": "e2e-rt1", "occurredAt": "2024-03-25T00:00:00Z", "sourceTool": "e2e", "actor": "u-9", "note": "Named"}
            {"step": "action-amendment", "actionId": "e2e-rt1", "sourceTool": "e2e", "actor": "u-2", "reason": "Clearer", "correction": {"orgUnit": "acme/repost/a", "occurredAt": "2024-03-20T00:00:00Z", "sourceTool": "e2e", "actor": "u-1", "reviewId": "e2e-rv1", "owner": "u-9", "dueDate": "2024-04-01", "what": "Name an owner for the queue"}}
            {"step": "action", "actionId": "e2e-rt2", "orgUnit": "acme/repost/a", "occurredAt": "2024-03-20T00:00:00Z", "sourceTool": "e2e", "actor": "u-1", "reviewId": "e2e-rv1", "owner": "u-9", "dueDate": "2024-04-15", "what": "Alert on the dead letters"}
            {"step": "action", "actionId": "e2e-rt3", "orgUnit": "acme/repost/a", "occurredAt": "2024-03-20T00:00:00Z", "sourceTool": "e2e", "actor": "u-1", "reviewId": "e2e-rv1", "owner": "u-9", "dueDate": "2024-05-01", "what": "Write a runbook"}
            {"step": "action-drop", "actionId": "e2e-rt3", "occurredAt": "2024-04-20T00:00:00Z", "sourceTool": "e2e", "actor": "u-9", "reason": "Superseded"}
            {"step": "action", "actionId": "e2e-rt4", "orgUnit": "acme/repost/a", "occurredAt": "2024-03-20T00:00:00Z", "sourceTool": "e2e", "actor": "u-1", "reviewId": "e2e-rv1", "owner": "u-9", "dueDate": "2024-05-01", "what": "Never assigned"}
            {"step": "action-retraction", "actionId": "e2e-rt4", "sourceTool": "e2e", "actor": "u-2", "reason": "Never assigned"}
            {"step": "review-amendment", "reviewId": "e2e-rv1", "sourceTool": "e2e", "actor": "u-2", "reason": "Miscounted", "correction": {"orgUnit": "acme/repost/a", "occurredAt": "2024-03-20T00:00:00Z", "sourceTool": "e2e", "actor": "u-1", "decisionIds": ["e2e-rd1", "e2e-rd2"], "kind": "post-mortem", "rootCauses": [{"theme": "ownership", "text": "Nobody owned the queue"}], "facilitated": true, "blameless": true, "participantCount": 6}}
            {"step": "review", "reviewId": "e2e-rv2", "orgUnit": "acme/repost/a", "occurredAt": "2024-03-21T00:00:00Z", "sourceTool": "e2e", "actor": "u-1", "decisionIds": ["e2e-rd2"], "kind": "retrospective", "rootCauses": [{"theme": "process", "text": "A copy"}], "facilitated": false, "blameless": false, "participantCount": 3}
            {"step": "review-retraction", "reviewId": "e2e-rv2", "sourceTool": "e2e", "actor": "u-2", "reason": "Duplicate"}
            {"step": "lesson", "lessonId": "e2e-rl1", "orgUnit": "acme/repost/a", "occurredAt": "2024-04-01T00:00:00Z", "sourceTool": "e2e", "actor": "u-1", "decisionIds": ["e2e-rd1"], "lesson": "A queue needs an owner", "thinkingChange": "v1", "themes": ["ownership"], "extractionPractice": "storytelling"}
            {"step": "lesson-amendment", "lessonId": "e2e-rl1", "sourceTool": "e2e", "actor": "u-2", "reason": "First fix", "correction": {"orgUnit": "acme/repost/a", "occurredAt": "2024-04-01T00:00:00Z", "sourceTool": "e2e", "actor": "u-1", "decisionIds": ["e2e-rd1"], "lesson": "A queue needs an owner", "thinkingChange": "v2", "themes": ["ownership"], "extractionPractice": "storytelling"}}
            {"step": "lesson-amendment", "lessonId": "e2e-rl1", "sourceTool": "e2e", "actor": "u-2", "reason": "Second fix", "correction": {"orgUnit": "acme/repost/a", "occurredAt": "2024-04-01T00:00:00Z", "sourceTool": "e2e", "actor": "u-1", "decisionIds": ["e2e-rd1"], "lesson": "A queue needs an owner", "thinkingChange": "v3", "themes": ["ownership"], "extractionPractice": "storytelling"}}
            {"step": "lesson", "lessonId": "e2e-rl2", "orgUnit": "acme/repost/a", "occurredAt": "2024-04-02T00:00:00Z", "sourceTool": "e2e", "actor": "u-1", "decisionIds": ["e2e-rd2"], "lesson": "Posted twice", "thinkingChange": "none"}
            {"step": "lesson-retraction", "lessonId": "e2e-rl2", "sourceTool": "e2e", "actor": "u-2", "reason": "Duplicate"}
            {"step": "lesson-share", "lessonId": "e2e-rl1", "occurredAt": "2024-04-05T00:00:00Z", "sourceTool": "e2e", "actor": "u-1", "sharedWithOrgUnit": "acme/other"}
            {"step": "decision", "decisionId": "e2e-rd3", "orgUnit": "acme/repost/a", "occurredAt": "2025-01-10T00:00:00Z", "sourceTool": "e2e", "actor": "u-1", "title": "Queue the refunds", "category": "operations", "expectedOutcome": "Fewer failures", "confidence": 0.7, "reviewBy": "2025-06-01", "informedByLessonIds": ["e2e-rl1"]}
            {"step": "behavior-change", "behaviorChangeId": "e2e-rb1", "orgUnit": "acme/repost/a", "occurredAt": "2025-01-10T00:00:00Z", "sourceTool": "e2e", "actor": "u-1", "lessonIds": ["e2e-rl1"], "decisionId": "e2e-rd3", "description": "Owner first"}
            {"step": "behavior-change-amendment", "behaviorChangeId": "e2e-rb1", "sourceTool": "e2e", "actor": "u-2", "reason": "Clearer", "correction": {"orgUnit": "acme/repost/a", "occurredAt": "2025-01-10T00:00:00Z", "sourceTool": "e2e", "actor": "u-1", "lessonIds": ["e2e-rl1"], "decisionId": "e2e-rd3", "description": "Named an owner before the move"}}
            {"step": "decision", "decisionId": "e2e-rd4", "orgUnit": "acme/repost/a", "occurredAt": "2025-02-01T00:00:00Z", "sourceTool": "e2e", "actor": "u-1", "title": "Queue the reports", "category": "operations", "expectedOutcome": "Fewer failures", "confidence": 0.7, "reviewBy": "2025-06-01"}
            {"step": "behavior-change", "behaviorChangeId": "e2e-rb2", "orgUnit": "acme/repost/a", "occurredAt": "2025-02-01T00:00:00Z", "sourceTool": "e2e", "actor": "u-1", "lessonIds": ["e2e-rl1"], "decisionId": "e2e-rd4", "description": "Not really"}
            {"step": "behavior-change-retraction", "behaviorChangeId": "e2e-rb2", "sourceTool": "e2e", "actor": "u-2", "reason": "Not because of the lesson"}
            {"step": "decision", "decisionId": "e2e-rd5", "orgUnit": "acme/repost/a", "occurredAt": "2024-05-01T00:00:00Z", "sourceTool": "e2e", "actor": "u-1", "title": "Posted twice", "category": "operations", "expectedOutcome": "Nothing", "confidence": 0.5, "reviewBy": "2024-06-01"}
            {"step": "decision-retraction", "decisionId": "e2e-rd5", "sourceTool": "e2e", "actor": "u-2", "reason": "Posted twice"}
            """;

    /** The result lines of a bulk post, without its summary. */
    private static List<JsonNode> postBulk(String ndjson) throws Exception {
        HttpResponse<String> response = HTTP.send(
                authorized(URI.create(commands.baseUrl() + "/steps/bulk"))
                        .header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofString(ndjson))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> lines = new java.util.ArrayList<>();
        for (String line : response.body().split("\n")) {
            JsonNode result = JSON.readTree(line);
            if (!result.has("summary")) {
                lines.add(result);
            }
        }
        assertThat(lines).hasSize((int) ndjson.lines().count());
        return lines;
    }

    /** The event types of a loop's timeline, in order. */
    private static List<String> eventTypes(String decisionId) throws Exception {
        return get(queries, "/loops/" + decisionId).get("timeline").findValuesAsText("eventType");
    }

    private static String decisionWithCheckIns(String id, String at, String checkInDates) {
        return """
                {"decisionId": "%s", "orgUnit": "acme/backfill", "occurredAt": "%s", "sourceTool": "e2e", "actor": "u-1",
                 "title": "Decision %s", "category": "operations", "expectedOutcome": "It works", "confidence": 0.8,
                 "reviewBy": "2025-01-01", "checkInDates": [%s], "leadingIndicators": ["days-per-contract"]}
                """.formatted(id, at, id, checkInDates);
    }

    private static String review(String id, String orgUnit, String at, String... decisionIds) {
        return """
                {"reviewId": "%s", "orgUnit": "%s", "occurredAt": "%s", "sourceTool": "e2e", "actor": "u-1",
                 "decisionIds": [%s], "kind": "retrospective", "facilitated": true,
                 "rootCauses": [{"theme": "information", "text": "Nobody looked at the dates"}],
                 "blameless": true, "participantCount": 4}
                """.formatted(id, orgUnit, at, "\"" + String.join("\", \"", decisionIds) + "\"");
    }

    private static String action(String id, String orgUnit, String reviewId, String at, String dueDate) {
        return """
                {"actionId": "%s", "orgUnit": "%s", "occurredAt": "%s", "sourceTool": "e2e", "actor": "u-1",
                 "reviewId": "%s", "owner": "u-7", "dueDate": "%s", "what": "Share templates"}
                """.formatted(id, orgUnit, at, reviewId, dueDate);
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
        HttpResponse<String> response = HTTP.send(
                authorized(URI.create(commands.baseUrl() + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("POST %s: %s", path, response.body())
                .isEqualTo(201);
    }

    private static JsonNode get(ServiceProcess service, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(
                authorized(URI.create(service.baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
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
