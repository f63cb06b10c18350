package io.learningloop.query;

import static io.learningloop.testsupport.SampleEvents.actionAssigned;
import static io.learningloop.testsupport.SampleEvents.actionOverdue;
import static io.learningloop.testsupport.SampleEvents.behaviorChange;
import static io.learningloop.testsupport.SampleEvents.decision;
import static io.learningloop.testsupport.SampleEvents.lesson;
import static io.learningloop.testsupport.SampleEvents.lessonShared;
import static io.learningloop.testsupport.SampleEvents.outcome;
import static io.learningloop.testsupport.SampleEvents.review;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import com.fasterxml.jackson.databind.JsonNode;
import io.learningloop.access.Scope;
import io.learningloop.access.testing.TestKeys;
import io.learningloop.contract.events.DecisionCategory;
import io.learningloop.contract.events.LoopEvent;
import io.learningloop.contract.events.OutcomeObservedEvent;
import io.learningloop.projection.ProjectionRunner;
import io.learningloop.projection.elasticsearch.IndexTemplates;
import io.learningloop.projection.elasticsearch.Indices;
import io.learningloop.readmodel.LoopDocument;
import io.learningloop.readmodel.LoopStage;
import io.learningloop.testsupport.ConsumerGroups;
import io.learningloop.testsupport.EventTopicWriter;
import io.learningloop.testsupport.LocalStack;
import io.learningloop.testsupport.ProjectionServiceTestProperties;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The query service against the real Kafka and Elasticsearch of the local stack. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QueryServiceIntegrationTest {

    static final String TOPIC = LocalStack.uniqueName("it-events-");
    static final String PREFIX = LocalStack.uniqueName("it-") + "-";
    static final String GROUP = LocalStack.uniqueName("it-query-");
    static EventTopicWriter kafka;

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry properties) {
        ProjectionServiceTestProperties.register(properties, TOPIC, GROUP, PREFIX);
    }

    /** An analyst's key for the test's organisations. */
    private static final TestKeys.Issued ANALYST =
            TestKeys.issue("it-analyst", Set.of(Scope.LOOPS_READ), "acme", "globex", "initech");

    /** An analyst of one subtree, acme/eng, and a staff member who sees aggregates only. */
    private static final TestKeys.Issued ENG_ANALYST =
            TestKeys.issue("it-eng-analyst", Set.of(Scope.LOOPS_READ), "acme/eng");

    private static final TestKeys.Issued STAFF = TestKeys.issue("it-staff", Set.of(Scope.REPORTS_READ), "acme");

    @BeforeAll
    static void openTopic() {
        kafka = new EventTopicWriter(TOPIC);
        TestKeys.createInLocalStack(ANALYST);
        TestKeys.createInLocalStack(ENG_ANALYST);
        TestKeys.createInLocalStack(STAFF);
    }

    /** On the real key table and index: a key reads its subtree's loops and nothing of another's. */
    @Test
    void anAnalystOfOneUnitReadsItsLoopsAndNoOthers() throws Exception {
        publishAll(List.of(
                decision("q-u-1", "acme/eng/platform", DecisionCategory.PRODUCT, "2023-05-01T00:00:00Z"),
                decision("q-u-2", "acme/sales", DecisionCategory.PRODUCT, "2023-05-02T00:00:00Z")));

        assertThat(get("/loops/q-u-1", 200, ENG_ANALYST).at("/loop/orgUnit").asText())
                .isEqualTo("acme/eng/platform");
        assertThat(get("/loops/q-u-2", 404, ENG_ANALYST).get("type").asText())
                .isEqualTo("urn:learning-loop:problem:not-found");
        JsonNode wide = get("/loops?orgUnit=acme&from=2023-05-01&to=2023-05-03", 200, ENG_ANALYST);
        assertThat(wide.get("total").asLong()).isEqualTo(1);
        assertThat(wide.at("/loops/0/decisionId").asText()).isEqualTo("q-u-1");
        assertThat(get("/loops?orgUnit=acme&from=2023-05-01&to=2023-05-03", 200, ANALYST)
                        .get("total")
                        .asLong())
                .isEqualTo(2);
        assertThat(get("/loops?orgUnit=acme/sales", 403, ENG_ANALYST)
                        .get("type")
                        .asText())
                .isEqualTo("urn:learning-loop:problem:outside-units");
        assertThat(get("/loops/q-u-1", 403, STAFF).get("type").asText())
                .isEqualTo("urn:learning-loop:problem:forbidden");
        assertThat(get("/loops/q-u-1", 401, null).get("type").asText())
                .isEqualTo("urn:learning-loop:problem:unauthenticated");
    }

    @AfterAll
    static void closeTopic() {
        kafka.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    ElasticsearchClient elasticsearch;

    @Autowired
    ProjectionRunner runner;

    private final Indices indices = new Indices(PREFIX);

    @Test
    void completeLoopIsProjectedWithStageTimestampsLatenciesAndTimeline() throws Exception {
        publishAll(List.of(
                decision("q-d-1", "acme/eng/platform", DecisionCategory.PRODUCT, "2025-01-01T00:00:00Z"),
                outcome("q-d-1", "acme/eng/platform", "2025-01-31T00:00:00Z"),
                lesson("q-l-1", "acme/eng/platform", "2025-02-10T12:00:00Z", "q-d-1"),
                decision("q-d-2", "acme/sales", DecisionCategory.PRODUCT, "2025-06-01T00:00:00Z"),
                behaviorChange(
                        "q-b-1", "acme/sales", "2025-06-01T00:00:00Z", "q-d-2", List.of("q-l-1"), List.of("q-d-1"))));

        LoopDocument loop = loop("q-d-1");
        assertThat(loop.stage()).isEqualTo(LoopStage.BEHAVIOR_CHANGED);
        assertThat(loop.orgUnitPath()).containsExactly("acme", "acme/eng", "acme/eng/platform");
        assertThat(loop.latency().decisionToOutcomeDays()).isEqualTo(30.0);
        assertThat(loop.latency().outcomeToLessonDays()).isEqualTo(10.5);
        assertThat(loop.latency().decisionToBehaviorChangeDays()).isEqualTo(151.0);
        assertThat(loop.behaviorChanges())
                .extracting(LoopDocument.BehaviorChangeRef::decisionId)
                .containsExactly("q-d-2");
        assertThat(loop("q-d-2").appliedLessonIds()).containsExactly("q-l-1");

        JsonNode answer = get("/loops/q-d-1");
        assertThat(answer.get("loop").get("stage").asText()).isEqualTo("behavior-changed");
        assertThat(answer.get("loop").has("decisionSequence"))
                .as("bookkeeping is not answered")
                .isFalse();
        assertThat(answer.get("loop").get("outcome").has("sequence")).isFalse();
        assertThat(answer.get("timeline").findValuesAsText("eventType"))
                .containsExactly("DecisionMade", "OutcomeObserved", "LessonRecorded", "BehaviorChanged");
    }

    @Test
    void reviewsActionsAndSharingShowInTheLoop() throws Exception {
        publishAll(List.of(
                decision("q-d-60", "acme/eng", DecisionCategory.ORG_DESIGN, "2024-01-01T00:00:00Z"),
                review("q-r-60", "acme/eng", "2024-03-01T00:00:00Z", "q-d-60"),
                lesson("q-l-60", "acme/eng", "2024-03-02T00:00:00Z", "q-d-60"),
                lessonShared("q-l-60", "acme/eng", "2024-03-05T00:00:00Z", "acme/sales", "q-d-60")));
        kafka.publish(actionAssigned("q-a-60", "q-r-60", "2024-03-01T00:00:00Z", "2024-04-01", "q-d-60"), 0);
        kafka.publish(actionOverdue("q-a-60", "2024-04-01", "q-d-60"), 1);
        ConsumerGroups.awaitCaughtUp(GROUP, TOPIC);

        JsonNode answer = get("/loops/q-d-60");
        assertThat(answer.get("loop").get("reviews").get(0).get("blameless").asBoolean())
                .isTrue();
        assertThat(answer.get("loop").get("actions").get(0).get("status").asText())
                .isEqualTo("open");
        assertThat(answer.get("loop").get("actions").get(0).get("overdue").asBoolean())
                .isTrue();
        assertThat(answer.get("loop")
                        .get("lessonShares")
                        .get(0)
                        .get("sharedWithOrgUnit")
                        .asText())
                .isEqualTo("acme/sales");
        assertThat(answer.get("timeline").findValuesAsText("eventType"))
                .containsExactly(
                        "DecisionMade",
                        "ReviewHeld",
                        "ActionAssigned",
                        "LessonRecorded",
                        "LessonShared",
                        "ActionOverdue");
    }

    @Test
    void indexCreatedByAnOlderVersionGetsTheFieldsAddedSince() throws Exception {
        Indices older = new Indices(LocalStack.uniqueName("it-") + "-");
        elasticsearch
                .indices()
                .create(create -> create.index(older.loops())
                        .mappings(mappings -> mappings.dynamic(DynamicMapping.Strict)
                                .properties("decisionId", property -> property.keyword(k -> k))));

        IndexTemplates.install(elasticsearch, older);

        var mapping = elasticsearch
                .indices()
                .getMapping(get -> get.index(older.loops()))
                .get(older.loops())
                .mappings()
                .properties();
        assertThat(mapping).containsKeys("decisionId", "leadingIndicators", "checkIns", "actions", "reviews");
    }

    @Test
    void redeliveredAndReplayedEventsChangeNothing() throws Exception {
        var made = decision("q-d-10", "acme/ops", DecisionCategory.OPERATIONS, "2024-03-01T00:00:00Z");
        var observed = outcome("q-d-10", "acme/ops", "2024-04-01T00:00:00Z");
        publishAll(List.of(made, observed));
        long loopVersion = version(indices.loops(), "q-d-10");
        long eventVersion = version(indices.events(), made.eventId());

        publishAll(List.of(made, observed, made)); // redelivery, as after a publisher retry
        long committedBeforeReplay = runner.status().recordsCommitted();
        long onTopic = ConsumerGroups.recordCount(TOPIC);
        runner.requestReplay(); // and a full replay of the topic
        await().atMost(Duration.ofSeconds(60))
                .until(() -> runner.status().recordsCommitted() >= committedBeforeReplay + onTopic);

        assertThat(version(indices.loops(), "q-d-10")).isEqualTo(loopVersion);
        assertThat(version(indices.events(), made.eventId())).isEqualTo(eventVersion);
        assertThat(count(indices.events(), "q-d-10")).isEqualTo(2);
    }

    @Test
    void stepsArrivingBeforeTheirDecisionGiveTheSameLoop() throws Exception {
        publishAll(List.of(
                lesson("q-l-20", "acme/eng", "2024-02-01T00:00:00Z", "q-d-20"),
                outcome("q-d-20", "acme/eng", "2024-01-15T00:00:00Z")));
        assertThat(loop("q-d-20").stage()).isEqualTo(LoopStage.PENDING);
        assertThat(get("/loops/q-d-20", 404).get("type").asText()).isEqualTo("urn:learning-loop:problem:not-found");

        publishAll(List.of(decision("q-d-20", "acme/eng", DecisionCategory.TALENT, "2024-01-01T00:00:00Z")));

        LoopDocument loop = loop("q-d-20");
        assertThat(loop.stage()).isEqualTo(LoopStage.LESSON_LEARNED);
        assertThat(loop.latency().decisionToOutcomeDays()).isEqualTo(14.0);
        assertThat(loop.latency().outcomeToLessonDays()).isEqualTo(17.0);
    }

    @Test
    void olderVersionOfADecisionNeverOverwritesANewerOne() throws Exception {
        var newer = decision("q-d-30", "acme/new", DecisionCategory.STRATEGY, "2024-01-01T00:00:00Z");
        var older = decision("q-d-30", "acme/old", DecisionCategory.STRATEGY, "2023-01-01T00:00:00Z");
        kafka.publish(newer, 3);
        kafka.publish(older, 1);
        ConsumerGroups.awaitCaughtUp(GROUP, TOPIC);

        assertThat(loop("q-d-30").orgUnit()).isEqualTo("acme/new");
    }

    @Test
    void recordThatIsNotAnEventIsParkedAndTheNextEventStillProjected() throws Exception {
        kafka.send(new ProducerRecord<>(TOPIC, "junk", "{not json".getBytes()));
        publishAll(List.of(decision("q-d-40", "acme/x", DecisionCategory.OTHER, "2024-01-01T00:00:00Z")));

        assertThat(loop("q-d-40").stage()).isEqualTo(LoopStage.DECIDED);
    }

    @Test
    void loopsAreSearchedByOrgUnitSubtreeCategoryStageAndPeriod() throws Exception {
        publishAll(List.of(
                decision("q-d-50", "globex/eng/a", DecisionCategory.PRODUCT, "2023-03-01T00:00:00Z"),
                decision("q-d-51", "globex/eng/b", DecisionCategory.PRODUCT, "2023-07-01T00:00:00Z"),
                decision("q-d-52", "globex/eng/b", DecisionCategory.TALENT, "2023-08-01T00:00:00Z"),
                decision("q-d-53", "globex/sales", DecisionCategory.PRODUCT, "2023-09-01T00:00:00Z"),
                decision("q-d-54", "globex/eng/a", DecisionCategory.PRODUCT, "2024-01-01T00:00:00Z")));

        JsonNode page = get("/loops?orgUnit=globex/eng&category=product&from=2023-01-01&to=2024-01-01");
        assertThat(page.get("total").asLong()).isEqualTo(2);
        assertThat(page.get("loops").findValuesAsText("decisionId")).containsExactly("q-d-51", "q-d-50");

        JsonNode invalid = get("/loops?category=hunch&from=2024-13-01", 400);
        assertThat(invalid.get("errors").get(0).get("field").asText()).isIn("category", "from");
    }

    /** Publishes with the sequence the command side would give (an outcome follows its decision). */
    private void publishAll(List<? extends LoopEvent> events) {
        for (var event : events) {
            kafka.publish(event, event instanceof OutcomeObservedEvent ? 1 : 0);
        }
        ConsumerGroups.awaitCaughtUp(GROUP, TOPIC);
    }

    private LoopDocument loop(String decisionId) throws IOException {
        elasticsearch.indices().refresh(refresh -> refresh.index(indices.loops()));
        return elasticsearch
                .get(get -> get.index(indices.loops()).id(decisionId), LoopDocument.class)
                .source();
    }

    private long version(String index, String id) throws IOException {
        return elasticsearch.get(get -> get.index(index).id(id), Void.class).version();
    }

    private long count(String index, String decisionId) throws IOException {
        elasticsearch.indices().refresh(refresh -> refresh.index(index));
        return elasticsearch
                .count(count -> count.index(index)
                        .query(query ->
                                query.term(term -> term.field("decisionIds").value(decisionId))))
                .count();
    }

    private JsonNode get(String path) throws Exception {
        return get(path, 200);
    }

    private JsonNode get(String path, int expectedStatus) throws Exception {
        return get(path, expectedStatus, ANALYST);
    }

    /** @param key null: no key at all */
    private JsonNode get(String path, int expectedStatus, TestKeys.Issued key) throws Exception {
        elasticsearch.indices().refresh(refresh -> refresh.index(PREFIX + "*"));
        return ServiceCalls.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)), key, expectedStatus);
    }
}
