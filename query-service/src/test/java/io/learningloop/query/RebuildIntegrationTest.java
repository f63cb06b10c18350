package io.learningloop.query;

import static io.learningloop.testsupport.SampleEvents.decision;
import static io.learningloop.testsupport.SampleEvents.outcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import io.learningloop.access.Scope;
import io.learningloop.access.testing.TestKeys;
import io.learningloop.contract.events.DecisionCategory;
import io.learningloop.projection.elasticsearch.IndexTemplates;
import io.learningloop.readmodel.LoopDocument;
import io.learningloop.readmodel.LoopStage;
import io.learningloop.testsupport.ConsumerGroups;
import io.learningloop.testsupport.EventTopicWriter;
import io.learningloop.testsupport.LocalStack;
import io.learningloop.testsupport.ProjectionServiceTestProperties;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A rebuild (decision 0012) against the real Kafka and Elasticsearch: the service starts on a
 * deployment from before the aliases (concrete {@code loops} and {@code events} indices), the first
 * rebuild moves each behind its alias while events keep arriving and readers keep counting, later
 * rebuilds keep or delete the previous version and clear what a dead rebuild left, and only admin keys
 * may start one. The tests run in order: each starts from what the one before left.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RebuildIntegrationTest {

    static final String TOPIC = LocalStack.uniqueName("it-rebuild-events-");
    static final String PREFIX = LocalStack.uniqueName("it-rebuild-") + "-";
    static final String GROUP = LocalStack.uniqueName("it-rebuild-query-");
    static final String LOOPS = PREFIX + "loops";
    static final String EVENTS = PREFIX + "events";
    /** Decisions on the topic before the service starts; each with an outcome. */
    static final int BEFORE = 300;

    static final TestKeys.Issued ADMIN = TestKeys.issue("it-rebuild-admin", Set.of(Scope.ADMIN), "acme");
    static final TestKeys.Issued ANALYST = TestKeys.issue("it-rebuild-analyst", Set.of(Scope.LOOPS_READ), "acme");

    static EventTopicWriter kafka;
    static final AtomicLong published = new AtomicLong();

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry properties) {
        ProjectionServiceTestProperties.register(properties, TOPIC, GROUP, PREFIX);
    }

    /** Before the service starts: indices as an older version created them, under the aliases' names. */
    @BeforeAll
    static void olderDeploymentWithHistory() throws Exception {
        TestKeys.createInLocalStack(ADMIN);
        TestKeys.createInLocalStack(ANALYST);
        for (String index : List.of(LOOPS, EVENTS)) {
            assertThat(elasticsearch("PUT", "/" + index, null).statusCode()).isEqualTo(200);
        }
        kafka = new EventTopicWriter(TOPIC);
        for (int i = 0; i < BEFORE; i++) {
            publishLoop("r-old-" + i);
        }
    }

    @AfterAll
    static void deleteTheTestsIndices() throws Exception {
        kafka.close();
        // By name: Elasticsearch refuses to delete by wildcard (action.destructive_requires_name).
        String names = elasticsearch("GET", "/_cat/indices/" + PREFIX + "*?h=index", null)
                .body()
                .strip()
                .replaceAll("\\s+", ",");
        if (!names.isEmpty()) {
            elasticsearch("DELETE", "/" + names, null);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    ElasticsearchClient client;

    @Test
    @Order(1)
    void theFirstRebuildMovesTheConcreteIndexBehindItsAliasWhileEventsArriveAndReadersNeverSeeItHalfBuilt()
            throws Exception {
        ConsumerGroups.awaitCaughtUp(GROUP, TOPIC);
        assertThat(IndexTemplates.isLegacyIndex(client, LOOPS)).isTrue();
        long before = loopCount();
        assertThat(before).isEqualTo(BEFORE);

        JsonNode done;
        List<String> failedReads;
        long fewestSeen;
        try (LiveTraffic traffic = new LiveTraffic()) {
            assertThat(post("/actuator/rebuild/loops", "{}", ADMIN, 200)
                            .get("projection")
                            .asText())
                    .isEqualTo("loops");
            done = awaitFinished("loops");
            failedReads = traffic.stop();
            fewestSeen = traffic.fewestSeen.get();
        }
        assertThat(done.get("phase").asText()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.get("targetIndex").asText()).isEqualTo(LOOPS + "-v1");
        assertThat(done.get("previousIndex").asText()).isEqualTo(LOOPS);
        // The one moment a reader can notice: a search under way on the concrete index from before the
        // aliases when the swap deletes it (remove_index) fails; one retry finds the new index. Later
        // swaps delete nothing at once (test below): no read fails.
        assertThat(failedReads)
                .as("reads through the alias during the first rebuild")
                .allSatisfy(failure -> assertThat(failure).containsAnyOf("no_shard_available", "index_not_found"))
                .hasSizeLessThanOrEqualTo(3);
        assertThat(fewestSeen).as("fewest loops a reader saw").isGreaterThanOrEqualTo(before);
        assertThat(IndexTemplates.aliasTargets(client, LOOPS)).containsExactly(LOOPS + "-v1");
        // Every event, also those that arrived during the build and the swap, is in the new index.
        ConsumerGroups.awaitCaughtUp(GROUP, TOPIC);
        assertThat(published.get()).isGreaterThan(BEFORE + 10);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(loopCount()).isEqualTo(published.get()));
        assertThat(stageCount(LoopStage.OUTCOME_OBSERVED)).isEqualTo(published.get());
    }

    @Test
    @Order(2)
    void laterRebuildsKeepThePreviousVersionClearWhatADeadRebuildLeftAndDeleteOldOnRequest() throws Exception {
        // What a service that died during a rebuild leaves: a version above the aliased one, never aliased.
        assertThat(elasticsearch("PUT", "/" + LOOPS + "-v7", null).statusCode()).isEqualTo(200);

        JsonNode kept;
        try (LiveTraffic traffic = new LiveTraffic()) {
            post("/actuator/rebuild/loops", "{}", ADMIN, 200);
            kept = awaitFinished("loops");
            assertThat(traffic.stop())
                    .as("reads through the alias during a rebuild")
                    .isEmpty();
            assertThat(traffic.fewestSeen.get()).isGreaterThanOrEqualTo(BEFORE);
        }
        ConsumerGroups.awaitCaughtUp(GROUP, TOPIC);
        assertThat(kept.get("phase").asText()).as(kept.toString()).isEqualTo("DONE");
        assertThat(kept.get("targetIndex").asText()).isEqualTo(LOOPS + "-v8");
        assertThat(exists(LOOPS + "-v7")).as("the dead rebuild's index").isFalse();
        assertThat(exists(LOOPS + "-v1"))
                .as("the previous version, kept for a rollback")
                .isTrue();

        JsonNode deleted;
        try (LiveTraffic traffic = new LiveTraffic()) {
            post("/actuator/rebuild/loops", "{\"deleteOld\": true}", ADMIN, 200);
            deleted = awaitFinished("loops");
            assertThat(traffic.stop())
                    .as("reads while the previous index is deleted")
                    .isEmpty();
        }
        ConsumerGroups.awaitCaughtUp(GROUP, TOPIC);
        assertThat(deleted.get("phase").asText()).isEqualTo("DONE");
        assertThat(IndexTemplates.aliasTargets(client, LOOPS)).containsExactly(LOOPS + "-v9");
        assertThat(exists(LOOPS + "-v8")).isFalse();
        assertThat(exists(LOOPS + "-v1")).isTrue();
        assertThat(loopCount()).isEqualTo(published.get());
        // Read at least up to where the live runner stood when it paused: every record of the first two rebuilds.
        assertThat(deleted.get("recordsDone").asLong())
                .isGreaterThanOrEqualTo(kept.get("recordsDone").asLong());
        assertThat(kept.get("recordsDone").asLong()).isGreaterThanOrEqualTo(2L * BEFORE);

        long events = count(EVENTS);
        assertThat(post("/actuator/rebuild/events", null, ADMIN, 415)
                        .get("type")
                        .asText())
                .as("a POST without a JSON body")
                .isEqualTo("urn:learning-loop:problem:unsupported-media-type");
        post("/actuator/rebuild/events", "{}", ADMIN, 200);
        assertThat(awaitFinished("events").get("phase").asText()).isEqualTo("DONE");
        assertThat(IndexTemplates.aliasTargets(client, EVENTS)).containsExactly(EVENTS + "-v1");
        assertThat(count(EVENTS)).isEqualTo(events).isEqualTo(2 * published.get());
    }

    @Test
    @Order(3)
    void aFailedRebuildLeavesTheAliasAloneAndShowsInHealth() throws Exception {
        // An alias over two indices: the rebuild refuses to guess which one it replaces.
        client.indices()
                .updateAliases(request -> request.actions(
                        action -> action.add(add -> add.index(LOOPS + "-v1").alias(LOOPS))));
        try {
            post("/actuator/rebuild/loops", "{}", ADMIN, 200);
            JsonNode failed = awaitFinished("loops");
            assertThat(failed.get("phase").asText()).isEqualTo("FAILED");
            assertThat(failed.get("error").asText()).contains("points at several indices");
            JsonNode health = get("/actuator/health", ADMIN, 200);
            assertThat(health.at("/components/rebuild/status").asText()).isEqualTo("DEGRADED");
            assertThat(health.at("/components/rebuild/details/loopsError").asText())
                    .contains("several indices");
            assertThat(IndexTemplates.aliasTargets(client, LOOPS))
                    .containsExactlyInAnyOrder(LOOPS + "-v1", LOOPS + "-v9");
            assertThat(exists(LOOPS + "-v10")).isFalse();
        } finally {
            client.indices()
                    .updateAliases(request -> request.actions(action ->
                            action.remove(remove -> remove.index(LOOPS + "-v1").alias(LOOPS))));
        }
    }

    @Test
    @Order(4)
    void onlyAnAdminKeyStartsOrWatchesARebuildAndUnknownProjectionsAreProblems() throws Exception {
        assertThat(post("/actuator/rebuild/loops", "{}", ANALYST, 403)
                        .get("type")
                        .asText())
                .isEqualTo("urn:learning-loop:problem:forbidden");
        assertThat(post("/actuator/rebuild/loops", "{}", null, 401).get("type").asText())
                .isEqualTo("urn:learning-loop:problem:unauthenticated");
        assertThat(get("/actuator/rebuild/loops", ANALYST, 403).get("type").asText())
                .isEqualTo("urn:learning-loop:problem:forbidden");
        JsonNode unknown = post("/actuator/rebuild/lessons", "{}", ADMIN, 404);
        assertThat(unknown.get("type").asText()).isEqualTo("urn:learning-loop:problem:not-found");
        assertThat(unknown.get("detail").asText()).contains("'lessons'", "events", "loops");
        List<String> projections = new ArrayList<>();
        get("/actuator/rebuild", ADMIN, 200).get("projections").forEach(name -> projections.add(name.asText()));
        assertThat(projections).containsExactlyInAnyOrder("events", "loops");
    }

    /**
     * With a second instance of the service sharing the topic's partitions: the rebuild runs on this
     * one and cannot pause the other, which goes on projecting its partitions through the alias. The
     * write block on the previous index holds its writes until the swap (docs/rebuild.md); every loop
     * published during the rebuild is then in the new index. Without the block, what the other instance
     * wrote between the rebuild's last read of its partitions and the swap would be missing (seen on the
     * cluster: 12 loops in one rebuild).
     */
    @Test
    @Order(5)
    void withASecondInstanceProjectingNothingIsLostInTheSwap() throws Exception {
        Map<String, String> sameDeployment = new HashMap<>(ProjectionServiceTestProperties.adminLogins());
        sameDeployment.putAll(Map.of(
                "server.port", "0",
                "spring.elasticsearch.uris", LocalStack.elasticsearchUrl(),
                "spring.datasource.url", LocalStack.postgresUrl(),
                "spring.datasource.username", LocalStack.postgresKeyReaderUser(),
                "spring.datasource.password", LocalStack.postgresKeyReaderPassword(),
                "learning-loop.kafka.bootstrap-servers", LocalStack.kafkaBootstrap(),
                "learning-loop.kafka.topic", TOPIC,
                "learning-loop.kafka.consumer-group", GROUP,
                "learning-loop.elasticsearch.index-prefix", PREFIX));
        // As arguments: they outrank application.yml (default properties would not)
        String[] arguments = sameDeployment.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue())
                .toArray(String[]::new);
        try (ConfigurableApplicationContext second =
                new SpringApplicationBuilder(QueryServiceApplication.class).run(arguments)) {
            ConsumerGroups.awaitMembersWithPartitions(GROUP, 2);
            JsonNode done;
            try (LiveTraffic traffic = new LiveTraffic()) {
                long before = loopCount();
                // both instances projecting the live traffic before the rebuild starts
                await().atMost(Duration.ofSeconds(30)).until(() -> loopCount() > before + 50);
                post("/actuator/rebuild/loops", "{}", ADMIN, 200);
                done = awaitFinished("loops");
                assertThat(traffic.stop())
                        .as("reads through the alias during the rebuild")
                        .isEmpty();
            }
            assertThat(done.get("phase").asText()).as(done.toString()).isEqualTo("DONE");
            assertThat(IndexTemplates.aliasTargets(client, LOOPS))
                    .containsExactly(done.get("targetIndex").asText());
            ConsumerGroups.awaitCaughtUp(GROUP, TOPIC);
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(loopCount()).isEqualTo(published.get()));
            assertThat(stageCount(LoopStage.OUTCOME_OBSERVED)).isEqualTo(published.get());
        }
    }

    /**
     * While open: one thread publishes loops (a decision and its outcome each), another counts the loops
     * through the alias as fast as it can, noting the fewest it saw and every read that failed.
     */
    private final class LiveTraffic implements AutoCloseable {
        final AtomicBoolean stopped = new AtomicBoolean();
        final AtomicLong fewestSeen = new AtomicLong(Long.MAX_VALUE);
        final List<String> failedReads = new CopyOnWriteArrayList<>();
        final Thread writer = new Thread(() -> {
            for (int i = 0; !stopped.get(); i++) {
                publishLoop("r-live-" + LocalStack.uniqueName("") + "-" + i);
            }
        });
        final Thread reader = new Thread(() -> {
            while (!stopped.get()) {
                try {
                    fewestSeen.accumulateAndGet(loopCount(), Math::min);
                } catch (Exception e) {
                    failedReads.add(e.toString());
                }
            }
        });

        LiveTraffic() {
            writer.start();
            reader.start();
        }

        List<String> stop() throws InterruptedException {
            stopped.set(true);
            writer.join();
            reader.join();
            return List.copyOf(failedReads);
        }

        @Override
        public void close() throws InterruptedException {
            stop();
        }
    }

    private static void publishLoop(String decisionId) {
        kafka.publish(decision(decisionId, "acme/eng", DecisionCategory.OPERATIONS, "2024-03-01T00:00:00Z"), 0);
        kafka.publish(outcome(decisionId, "acme/eng", "2024-04-01T00:00:00Z"), 1);
        published.incrementAndGet();
    }

    private JsonNode awaitFinished(String projection) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    last.set(get("/actuator/rebuild/" + projection, ADMIN, 200));
                    String phase = last.get().get("phase").asText();
                    return phase.equals("DONE") || phase.equals("FAILED");
                });
        return last.get();
    }

    private long loopCount() throws IOException {
        return count(LOOPS);
    }

    private long count(String index) throws IOException {
        client.indices().refresh(refresh -> refresh.index(index));
        return client.count(count -> count.index(index)).count();
    }

    private long stageCount(LoopStage stage) throws IOException {
        return client.count(count -> count.index(LOOPS)
                        .query(query -> query.term(
                                term -> term.field(LoopDocument.STAGE).value(stage.wireName()))))
                .count();
    }

    private boolean exists(String index) throws IOException {
        return client.indices().exists(request -> request.index(index)).value();
    }

    private JsonNode get(String path, TestKeys.Issued key, int expectedStatus) throws Exception {
        return ServiceCalls.send(HttpRequest.newBuilder(uri(path)).GET(), key, expectedStatus);
    }

    private JsonNode post(String path, String body, TestKeys.Issued key, int expectedStatus) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (body == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        return ServiceCalls.send(request, key, expectedStatus);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Plain HTTP as the stack's Elasticsearch admin, for what happens before the service (and its client) starts. */
    private static HttpResponse<String> elasticsearch(String method, String path, String body) throws Exception {
        String login = LocalStack.elasticsearchAdminUser() + ":" + LocalStack.elasticsearchAdminPassword();
        HttpRequest request = HttpRequest.newBuilder(URI.create(LocalStack.elasticsearchUrl() + path))
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(login.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
