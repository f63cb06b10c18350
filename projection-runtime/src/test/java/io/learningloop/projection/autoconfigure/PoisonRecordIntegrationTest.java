package io.learningloop.projection.autoconfigure;

import static io.learningloop.testsupport.SampleEvents.decision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.learningloop.codec.kafka.EventEncoder;
import io.learningloop.codec.kafka.EventEnvelope;
import io.learningloop.contract.KafkaContract;
import io.learningloop.contract.events.DecisionCategory;
import io.learningloop.contract.events.DecisionMadeEvent;
import io.learningloop.health.Degraded;
import io.learningloop.projection.DeadLetters;
import io.learningloop.projection.DeadLettersEndpoint;
import io.learningloop.projection.DocumentProjection;
import io.learningloop.projection.ProjectionRunner;
import io.learningloop.readmodel.DeadLetterDocument;
import io.learningloop.readmodel.ParkReason;
import io.learningloop.testsupport.EventTopicWriter;
import io.learningloop.testsupport.LocalStack;
import io.learningloop.testsupport.ProjectionServiceTestProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchClientAutoConfiguration;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchRestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Records a projection can never write, written straight onto the topic ahead of valid ones on the
 * same partition: each is parked with its reason, once, and everything after it is projected; after
 * the projection is fixed, a re-drive projects the parked record too. Against the local stack.
 */
class PoisonRecordIntegrationTest {

    /** A day Java holds and Elasticsearch's date mapping refuses (its years end at 292278993). */
    static final LocalDate BEYOND_ELASTICSEARCH = LocalDate.MAX;

    record Review(String title, LocalDate reviewBy) {}

    /** One document per decision with its review day; until fixed, it copies any day, and throws on "boom". */
    static final class ReviewsProjection implements DocumentProjection<Review> {
        private final String index;
        volatile boolean fixed;

        ReviewsProjection(String index) {
            this.index = index;
        }

        @Override
        public String name() {
            return "reviews";
        }

        @Override
        public String index() {
            return index;
        }

        @Override
        public Class<Review> documentClass() {
            return Review.class;
        }

        @Override
        public Collection<String> documentIds(EventEnvelope envelope) {
            return envelope.event() instanceof DecisionMadeEvent made ? List.of(made.decisionId()) : List.of();
        }

        @Override
        public Review apply(String documentId, Review current, EventEnvelope envelope) {
            DecisionMadeEvent made = (DecisionMadeEvent) envelope.event();
            if (made.title().equals("boom") && !fixed) {
                throw new IllegalStateException("cannot apply a decision titled boom");
            }
            boolean storable = made.reviewBy().getYear() <= 9999;
            return new Review(made.title(), storable || !fixed ? made.reviewBy() : null);
        }
    }

    private final String topic = LocalStack.uniqueName("it-poison-events-");
    private final String prefix = LocalStack.uniqueName("it-poison-") + "-";
    private final ReviewsProjection projection = new ReviewsProjection(prefix + "review-dates");
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final EventEncoder encoder = new EventEncoder();

    @Test
    void poisonRecordsAreParkedOnceTheHundredAfterThemProjectedAndAReDriveAfterTheFixProjectsThem() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        ElasticsearchRestClientAutoConfiguration.class,
                        ElasticsearchClientAutoConfiguration.class,
                        ProjectionAutoConfiguration.class))
                .withBean(ObjectMapper.class, ObjectMapper::new)
                .withBean(MeterRegistry.class, () -> meters)
                .withBean(ReviewsProjection.class, () -> projection)
                .withPropertyValues(
                        "spring.elasticsearch.uris=" + LocalStack.elasticsearchUrl(),
                        "learning-loop.kafka.bootstrap-servers=" + LocalStack.kafkaBootstrap(),
                        "learning-loop.kafka.topic=" + topic,
                        "learning-loop.kafka.consumer-group=" + LocalStack.uniqueName("it-poison-"),
                        "learning-loop.kafka.max-poll-records=500",
                        "learning-loop.elasticsearch.index-prefix=" + prefix)
                .withPropertyValues(ProjectionServiceTestProperties.adminLoginPairs())
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    ElasticsearchClient elasticsearch = context.getBean(ElasticsearchClient.class);
                    elasticsearch
                            .indices()
                            .create(request -> request.index(projection.index())
                                    .withJson(new StringReader("{\"mappings\":{\"dynamic\":\"strict\",\"properties\":{"
                                            + "\"title\":{\"type\":\"keyword\"},"
                                            + "\"reviewBy\":{\"type\":\"date\"}}}}")));
                    try (EventTopicWriter writer = new EventTopicWriter(topic)) {
                        // Same partition, same key: the poison records come first, the valid ones after.
                        writer.send(onPartitionZero(poison("d-poison", "Too late", BEYOND_ELASTICSEARCH)));
                        writer.send(onPartitionZero(poison("d-boom", "boom", LocalDate.parse("2026-03-01"))));
                        ProducerRecord<String, byte[]> undecodable = new ProducerRecord<>(
                                topic,
                                0,
                                "d-key",
                                "{}".getBytes(StandardCharsets.UTF_8),
                                List.of(new RecordHeader(
                                        KafkaContract.HEADER_EVENT_TYPE,
                                        "NoSuchEvent".getBytes(StandardCharsets.UTF_8))));
                        writer.send(undecodable);
                        for (int i = 1; i <= 100; i++) {
                            writer.send(onPartitionZero(decision(
                                    "d-valid-" + i, "acme/eng", DecisionCategory.PRODUCT, "2026-01-05T09:00:00Z")));
                        }
                    }

                    ProjectionRunner runner = context.getBean(ProjectionRunner.class);
                    await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                        assertThat(runner.status().recordsCommitted()).isEqualTo(103);
                        assertThat(count(elasticsearch)).isEqualTo(100);
                    });
                    assertThat(runner.status().failing()).isFalse();

                    DeadLettersEndpoint endpoint = context.getBean(DeadLettersEndpoint.class);
                    await().atMost(Duration.ofSeconds(10))
                            .untilAsserted(
                                    () -> assertThat(endpoint.list().count()).isEqualTo(3));
                    List<DeadLetterDocument> parked = endpoint.list().records();
                    assertThat(parked)
                            .extracting(
                                    DeadLetterDocument::offset,
                                    DeadLetterDocument::reasonKind,
                                    DeadLetterDocument::eventId)
                            .containsExactlyInAnyOrder(
                                    tuple(0L, ParkReason.ELASTICSEARCH_REFUSED, "e-d-poison"),
                                    tuple(1L, ParkReason.PROJECTION_FAILED, "e-d-boom"),
                                    tuple(2L, ParkReason.UNDECODABLE, null));
                    assertThat(parked).allSatisfy(entry -> {
                        assertThat(entry.projection()).isEqualTo("reviews");
                        assertThat(entry.key()).isEqualTo("d-key");
                        assertThat(entry.partition()).isZero();
                    });
                    assertThat(reason(parked, 0))
                            .startsWith("Elasticsearch refused document d-poison: ")
                            .contains("failed to parse field [reviewBy]");
                    assertThat(reason(parked, 1))
                            .isEqualTo("the reviews projection cannot apply the event to document d-boom: cannot"
                                    + " apply a decision titled boom");
                    assertThat(reason(parked, 2))
                            .isEqualTo("the record is not a Learning Loop event: unknown event type 'NoSuchEvent'");
                    // Words for the operator: no Java class, no Elasticsearch error type.
                    assertThat(parked)
                            .allSatisfy(entry -> assertThat(entry.reason())
                                    .doesNotContain("Exception", "exception", "java.", "io.learningloop"));
                    assertThat(parked(ParkReason.ELASTICSEARCH_REFUSED)).isEqualTo(1.0);
                    assertThat(parked(ParkReason.PROJECTION_FAILED)).isEqualTo(1.0);
                    assertThat(parked(ParkReason.UNDECODABLE)).isEqualTo(1.0);

                    Health health = context.getBean("projectionHealthIndicator", HealthIndicator.class)
                            .health();
                    assertThat(health.getStatus()).isEqualTo(Degraded.STATUS);
                    assertThat(health.getDetails()).containsEntry("parkedRecords", 3L);
                    assertThat((String) health.getDetails().get("lastParkedReason"))
                            .startsWith("reviews: ");

                    // A replay delivers the poison records again: they stay parked once, counted once.
                    runner.requestReplay();
                    await().atMost(Duration.ofSeconds(90))
                            .untilAsserted(() -> assertThat(runner.status().recordsCommitted())
                                    .isEqualTo(206));
                    assertThat(endpoint.list().count()).isEqualTo(3);
                    assertThat(parked(ParkReason.ELASTICSEARCH_REFUSED)).isEqualTo(1.0);

                    // Re-driven before the fix, everything stays parked.
                    assertThat(endpoint.redrive()).isEqualTo(new DeadLetters.Redrive(0, 3));
                    assertThat(endpoint.list().count()).isEqualTo(3);

                    // After the fix, the two events are projected; the undecodable record stays.
                    projection.fixed = true;
                    assertThat(endpoint.redrive()).isEqualTo(new DeadLetters.Redrive(2, 1));
                    assertThat(elasticsearch
                                    .get(
                                            request -> request.index(projection.index())
                                                    .id("d-poison"),
                                            Review.class)
                                    .source())
                            .isEqualTo(new Review("Too late", null));
                    assertThat(elasticsearch
                                    .get(
                                            request -> request.index(projection.index())
                                                    .id("d-boom"),
                                            Review.class)
                                    .source())
                            .isEqualTo(new Review("boom", LocalDate.parse("2026-03-01")));
                    assertThat(endpoint.list().records())
                            .extracting(DeadLetterDocument::offset)
                            .containsExactly(2L);
                    assertThat(context.getBean("projectionHealthIndicator", HealthIndicator.class)
                                    .health()
                                    .getDetails())
                            .containsEntry("parkedRecords", 1L);
                });
    }

    private DecisionMadeEvent poison(String id, String title, LocalDate reviewBy) {
        DecisionMadeEvent valid = decision(id, "acme/eng", DecisionCategory.PRODUCT, "2026-01-05T09:00:00Z");
        return new DecisionMadeEvent(
                valid.eventId(),
                id,
                valid.orgUnit(),
                valid.occurredAt(),
                valid.recordedAt(),
                valid.sourceTool(),
                valid.actor(),
                title,
                valid.category(),
                valid.expectedOutcome(),
                valid.confidence(),
                reviewBy,
                valid.informedByLessonIds(),
                valid.checkInDates(),
                valid.leadingIndicators(),
                valid.uncertainties());
    }

    /** The event as the command service publishes it, but all on partition 0 under one key. */
    private ProducerRecord<String, byte[]> onPartitionZero(DecisionMadeEvent event) {
        ProducerRecord<String, byte[]> record = encoder.toRecord(topic, event, 0);
        return new ProducerRecord<>(topic, 0, "d-key", record.value(), record.headers());
    }

    private long count(ElasticsearchClient elasticsearch) throws IOException {
        elasticsearch.indices().refresh(request -> request.index(projection.index()));
        return elasticsearch
                .count(request -> request.index(projection.index())
                        .query(query ->
                                query.prefix(prefix -> prefix.field("title").value("Decision d-valid-"))))
                .count();
    }

    private double parked(ParkReason reason) {
        var counter = meters.find("learningloop.projection.parked")
                .tags("projection", "reviews", "reason", reason.wireName())
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static String reason(List<DeadLetterDocument> parked, long offset) {
        return parked.stream()
                .filter(entry -> entry.offset() == offset)
                .findFirst()
                .orElseThrow()
                .reason();
    }
}
