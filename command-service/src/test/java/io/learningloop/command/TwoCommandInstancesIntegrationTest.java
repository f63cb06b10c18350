package io.learningloop.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.learningloop.access.testing.TestKeys;
import io.learningloop.testsupport.EventTopicReader;
import io.learningloop.testsupport.LocalStack;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two command services on one event store and one topic, as the cluster mode runs them (issue 11),
 * without Axon Server: steps for the same loops posted to both at the same moment are each stored
 * exactly once (optimistic concurrency on the event store; a loser answers 409 {@code concurrent-step}
 * and its retry is stored or found recorded), the publisher's one segment is claimed by one instance
 * at a time so every event reaches the topic in its aggregate's order, and a deadline both instances
 * poll for fires once (db-scheduler picks each task under a row lock).
 */
class TwoCommandInstancesIntegrationTest {

    static final int DECISIONS = 8;
    static final int CHECK_INS_PER_INSTANCE = 4;
    static final int WITH_DEADLINES = 4;
    static final LocalDate FIRST_CHECK_IN = LocalDate.parse("2099-01-10");

    private final String schema = LocalStack.uniqueName("it_");
    private final String topic = LocalStack.uniqueName("it-events-");

    @Test
    void sameLoopsOnBothInstancesAreStoredOncePublishedInOrderAndDeadlinesFireOnce() throws Exception {
        try (ConfigurableApplicationContext first = start();
                ConfigurableApplicationContext second = start();
                EventTopicReader topicReader = new EventTopicReader(topic)) {
            TestKeys.Issued key = TestTool.keyIn(schema);
            List<StepPoster> instances = List.of(
                    new StepPoster("http://127.0.0.1:" + port(first), key),
                    new StepPoster("http://127.0.0.1:" + port(second), key));

            // Each decision is posted to both instances at once: one creates it, the other finds it
            // recorded (or lost the race on the same new stream: 409, and its retry finds it recorded).
            AtomicInteger conflicts = new AtomicInteger();
            Map<String, Set<String>> eventIdsByStep = new ConcurrentHashMap<>();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> posts = new ArrayList<>();
                for (int d = 0; d < DECISIONS + WITH_DEADLINES; d++) {
                    String id = "two-d-" + d;
                    String body = d < DECISIONS ? withFutureCheckIns(id) : withPastCheckIn(id);
                    for (StepPoster instance : instances) {
                        posts.add(pool.submit(
                                () -> postUntilStored(instance, "/decisions", body, id, conflicts, eventIdsByStep)));
                    }
                }
                awaitAll(posts);
                // Then check-ins on the same decisions from both instances at the same time: each one
                // appends to the same aggregate, so the two contend on every decision.
                posts.clear();
                for (int d = 0; d < DECISIONS; d++) {
                    String decision = "two-d-" + d;
                    for (int i = 0; i < instances.size(); i++) {
                        StepPoster instance = instances.get(i);
                        int from = i * CHECK_INS_PER_INSTANCE;
                        posts.add(pool.submit(() -> {
                            for (int c = from; c < from + CHECK_INS_PER_INSTANCE; c++) {
                                postUntilStored(
                                        instance,
                                        "/decisions/" + decision + "/check-ins",
                                        checkIn(FIRST_CHECK_IN.plusDays(c)),
                                        decision + "/check-in-" + c,
                                        conflicts,
                                        eventIdsByStep);
                            }
                            return null;
                        }));
                    }
                }
                awaitAll(posts);
            } finally {
                pool.shutdownNow();
            }

            JdbcTemplate store = first.getBean(JdbcTemplate.class);
            // Every acknowledged step is one event, with the event id its answers gave, and nothing else
            // was stored: no lost update, no duplicate.
            assertThat(eventIdsByStep.values())
                    .allSatisfy(ids -> assertThat(ids).hasSize(1));
            Set<String> acknowledged = new HashSet<>();
            eventIdsByStep.values().forEach(acknowledged::addAll);
            assertThat(acknowledged).hasSize(DECISIONS + WITH_DEADLINES + DECISIONS * 2 * CHECK_INS_PER_INSTANCE);
            for (int d = 0; d < DECISIONS; d++) {
                List<Long> sequence = store.queryForList(
                        "select sequence_number from domain_event_entry where aggregate_identifier = ?"
                                + " order by sequence_number",
                        Long.class,
                        "two-d-" + d);
                assertThat(sequence)
                        .as("two-d-%s: a creation and 8 check-ins, numbered without a gap", d)
                        .hasSize(1 + 2 * CHECK_INS_PER_INSTANCE)
                        .isEqualTo(LongStream.range(0, 1 + 2 * CHECK_INS_PER_INSTANCE)
                                .boxed()
                                .toList());
            }

            // Each decision whose planned check-in lies in the past gets exactly one CheckInMissed,
            // though both instances poll the deadline table every second.
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(store.queryForList(
                                    "select aggregate_identifier from domain_event_entry"
                                            + " where payload_type like '%CheckInMissedEvent' order by aggregate_identifier",
                                    String.class))
                            .hasSize(WITH_DEADLINES));
            // and no second one while both go on polling (a second firing would come within an interval or two)
            await().during(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(store.queryForList(
                                    "select aggregate_identifier from domain_event_entry"
                                            + " where payload_type like '%CheckInMissedEvent' order by aggregate_identifier",
                                    String.class))
                            .as("one CheckInMissed per decision with a planned check-in in the past")
                            .doesNotHaveDuplicates()
                            .hasSize(WITH_DEADLINES));

            // The publisher: one instance at a time holds its one segment, so every stored event reaches
            // the topic once, each aggregate's in the order of its sequence numbers.
            long storedEvents = store.queryForObject("select count(*) from domain_event_entry", Long.class);
            Map<String, List<Long>> sequencesOnTopic = new HashMap<>();
            Set<String> publishedIds = new HashSet<>();
            List<ConsumerRecord<String, byte[]>> records = List.of();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (records.size() < storedEvents && System.nanoTime() < deadline) {
                records = topicReader.poll();
            }
            for (ConsumerRecord<String, byte[]> record : records) {
                if (publishedIds.add(header(record, "event-id"))) {
                    sequencesOnTopic
                            .computeIfAbsent(record.key(), k -> new ArrayList<>())
                            .add(Long.parseLong(header(record, "aggregate-sequence")));
                }
            }
            // and no more after a while (a second publisher would repeat them)
            await().during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(topicReader.poll())
                            .as("records on the topic: each stored event once")
                            .hasSize((int) storedEvents));
            assertThat(publishedIds).hasSize((int) storedEvents).containsAll(acknowledged);
            for (int d = 0; d < DECISIONS; d++) {
                assertThat(sequencesOnTopic.get("two-d-" + d))
                        .as("two-d-%s on the topic, in the order of its sequence numbers", d)
                        .isEqualTo(LongStream.range(0, 1 + 2 * CHECK_INS_PER_INSTANCE)
                                .boxed()
                                .toList());
            }
            // Contention really happened on the same aggregates (else this test proves nothing about it).
            assertThat(conflicts.get())
                    .as("409 concurrent-step answers, each retried")
                    .isPositive();
        }
    }

    /**
     * Posts until the step is stored or found recorded: a 409 {@code concurrent-step} is retried, as a
     * tool would; every 2xx answer's event id is noted under the step.
     */
    private static Void postUntilStored(
            StepPoster instance,
            String path,
            String body,
            String step,
            AtomicInteger conflicts,
            Map<String, Set<String>> eventIdsByStep) {
        for (int attempt = 1; attempt <= 20; attempt++) {
            StepPoster.Answer answer = instance.post(path, body);
            if (answer.status() == 409
                    && answer.body().path("type").asText().equals("urn:learning-loop:problem:concurrent-step")) {
                conflicts.incrementAndGet();
                continue;
            }
            assertThat(answer.status())
                    .as("%s %s: %s", path, step, answer.body())
                    .isIn(200, 201);
            eventIdsByStep
                    .computeIfAbsent(step, k -> ConcurrentHashMap.newKeySet())
                    .add(answer.body().get("eventId").asText());
            return null;
        }
        throw new AssertionError(step + ": still 409 after 20 attempts");
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static void awaitAll(List<Future<?>> posts) throws Exception {
        for (Future<?> post : posts) {
            post.get();
        }
    }

    /** Planned check-ins still ahead (so no deadline of theirs fires during the test), held early. */
    private static String withFutureCheckIns(String id) {
        List<String> dates = new ArrayList<>();
        for (int c = 0; c < 2 * CHECK_INS_PER_INSTANCE; c++) {
            dates.add("\"" + FIRST_CHECK_IN.plusDays(c) + "\"");
        }
        return """
                {"decisionId": "%s", "orgUnit": "acme/eng/platform", "occurredAt": "2025-03-01T10:00:00Z",
                 "sourceTool": "retro-tool", "actor": "u-4711", "title": "Move billing to the new queue",
                 "category": "operations", "expectedOutcome": "Fewer failed invoices", "confidence": 0.7,
                 "reviewBy": "2099-06-30", "checkInDates": [%s], "leadingIndicators": ["errors-per-day"]}
                """.formatted(id, String.join(", ", dates));
    }

    private static String withPastCheckIn(String id) {
        return """
                {"decisionId": "%s", "orgUnit": "acme/eng/platform", "occurredAt": "2024-05-10T10:00:00Z",
                 "sourceTool": "retro-tool", "actor": "u-4711", "title": "Move billing to the new queue",
                 "category": "operations", "expectedOutcome": "Fewer failed invoices", "confidence": 0.7,
                 "reviewBy": "2024-09-01", "checkInDates": ["2024-06-01"], "leadingIndicators": ["errors-per-day"]}
                """.formatted(id);
    }

    private static String checkIn(LocalDate scheduledFor) {
        return """
                {"occurredAt": "2025-04-01T09:00:00Z", "sourceTool": "retro-tool", "actor": "u-4711",
                 "scheduledFor": "%s", "readings": [], "onTrack": true}
                """.formatted(scheduledFor);
    }

    /** Deadlines polled every second, backfilled ones due 2 s after they are scheduled. */
    private ConfigurableApplicationContext start() {
        return CommandServiceTestProperties.start(
                schema,
                topic,
                LocalStack.kafkaBootstrap(),
                Map.of("db-scheduler.polling-interval", "1s", "learning-loop.deadlines.backfill-grace", "PT2S"));
    }

    private static int port(ConfigurableApplicationContext context) {
        return CommandServiceTestProperties.port(context);
    }
}
