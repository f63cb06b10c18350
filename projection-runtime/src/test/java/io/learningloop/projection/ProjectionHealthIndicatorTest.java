package io.learningloop.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.learningloop.health.Degraded;
import io.learningloop.readmodel.DeadLetterDocument;
import io.learningloop.readmodel.ParkReason;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * Every state the projection's health reports, from a runner status, a consumer's metrics and a
 * parked count that the test sets, and a clock it moves: no Kafka, no Elasticsearch, no waiting.
 */
class ProjectionHealthIndicatorTest {

    static final Instant START = Instant.parse("2026-12-02T04:00:00Z");
    static final Instant COMMITTED_AT = START.plusSeconds(5);

    final MovableClock clock = new MovableClock(START);
    final Consumer consumer = new Consumer();
    ProjectionStatus status = ProjectionStatus.starting();
    DeadLetters.Summary parked = new DeadLetters.Summary(0, Optional.empty());
    Optional<ConsumerState> consumerState = Optional.of(new ConsumerState(consumer));

    final ProjectionHealthIndicator indicator =
            new ProjectionHealthIndicator(() -> status, () -> consumerState, () -> parked, clock);

    @Test
    void projectingWithoutTroubleIsUpWithItsProgressAndLag() {
        status = status.committed(40, COMMITTED_AT);
        consumer.reports("consumer-fetch-manager-metrics", "records-lag-max", 12.0);
        consumer.reports("consumer-coordinator-metrics", "assigned-partitions", 3.0);
        consumer.reports("consumer-coordinator-metrics", "last-heartbeat-seconds-ago", 2.0);
        clock.advance(Duration.ofMinutes(5));

        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "recordsCommitted",
                        40L,
                        "parkedRecords",
                        0L,
                        "lastCommitAt",
                        COMMITTED_AT.toString(),
                        "recordsLagMax",
                        12.0,
                        "assignedPartitions",
                        3.0));
    }

    @Test
    void theLagShownIsTheConsumersMaximumNotOneTopics() {
        // The per-topic metric of the same name is not the consumer's maximum.
        consumer.reports("consumer-fetch-manager-metrics", "records-lag-max", 9_000.0, Map.of("topic", "events"));
        consumer.reports("consumer-fetch-manager-metrics", "records-lag-max", 25_000.0);

        assertThat(indicator.health().getDetails()).containsEntry("recordsLagMax", 25_000.0);
    }

    @Test
    void lagNotMeasuredYetReadsAsUnknown() {
        consumer.reports("consumer-fetch-manager-metrics", "records-lag-max", Double.NEGATIVE_INFINITY);

        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat((Double) health.getDetails().get("recordsLagMax")).isNaN();
        assertThat((Double) health.getDetails().get("assignedPartitions")).isNaN();
    }

    @Test
    void beforeTheConsumerExistsThereIsNoLagToShow() {
        consumerState = Optional.empty();

        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsOnlyKeys("recordsCommitted", "parkedRecords");
    }

    @Test
    void parkedRecordsMakeItDegradedWithTheLatestReason() {
        Instant parkedAt = START.plusSeconds(30);
        parked = new DeadLetters.Summary(2, Optional.of(parkedRecord(parkedAt, "the date is out of range")));

        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Degraded.STATUS);
        assertThat(health.getDetails())
                .containsEntry("parkedRecords", 2L)
                .containsEntry("lastParkedAt", parkedAt.toString())
                .containsEntry("lastParkedReason", "loops: the date is out of range");
    }

    @Test
    void batchesThatKeepFailingMakeItDownWithTheLastErrorEvenWithParkedRecords() {
        Instant since = START.plusSeconds(60);
        status = status.committed(7, COMMITTED_AT)
                .failed(new IOException("Elasticsearch unreachable"), since)
                .failed(new IOException("Elasticsearch still unreachable"), since.plusSeconds(2));
        parked = new DeadLetters.Summary(1, Optional.of(parkedRecord(START, "refused")));

        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails())
                .containsEntry("failingSince", since.toString())
                .containsEntry("recordsCommitted", 7L)
                .containsEntry("parkedRecords", 1L);
        assertThat((String) health.getDetails().get("lastError")).endsWith("Elasticsearch still unreachable");
    }

    @Test
    void aCommitAfterFailuresIsUpAgain() {
        status = status.failed(new IOException("unreachable"), START).committed(3, COMMITTED_AT);

        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).doesNotContainKeys("failingSince", "lastError");
    }

    @Test
    void noContactWithKafkaForLongerThan30sIsOutOfService() {
        clock.advance(Duration.ofMinutes(2));
        consumer.reports("consumer-coordinator-metrics", "last-heartbeat-seconds-ago", 31.0);

        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(health.getDetails()).containsEntry("kafkaSilentForSeconds", 31L);
    }

    @Test
    void thirtySecondsWithoutKafkaIsNotYetOutOfService() {
        clock.advance(Duration.ofMinutes(2));
        consumer.reports("consumer-coordinator-metrics", "last-heartbeat-seconds-ago", 30.0);

        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).doesNotContainKey("kafkaSilentForSeconds");
    }

    @Test
    void rightAfterAStartSilenceIsNoOutage() {
        // The coordinator was never reached yet: the metric already counts from long ago.
        consumer.reports("consumer-coordinator-metrics", "last-heartbeat-seconds-ago", 1_000.0);
        clock.advance(ProjectionHealthIndicator.KAFKA_SILENCE);

        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);

        clock.advance(Duration.ofSeconds(1));

        assertThat(indicator.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
    }

    @Test
    void kafkaLostWhileRecordsAreParkedIsOutOfService() {
        parked = new DeadLetters.Summary(1, Optional.of(parkedRecord(START, "refused")));
        clock.advance(Duration.ofMinutes(2));
        consumer.reports("consumer-coordinator-metrics", "last-heartbeat-seconds-ago", 45.0);

        assertThat(indicator.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
    }

    private static DeadLetterDocument parkedRecord(Instant parkedAt, String reason) {
        return new DeadLetterDocument(
                "loops",
                ParkReason.ELASTICSEARCH_REFUSED,
                reason,
                parkedAt,
                "events",
                1,
                42,
                "dec-1",
                "e-1",
                "DecisionRecorded",
                List.of(),
                null);
    }

    /** A consumer whose metrics the test sets, named as the Kafka client names them. */
    static final class Consumer extends MockConsumer<String, byte[]> {
        private final Map<MetricName, Metric> metrics = new HashMap<>();

        Consumer() {
            super(OffsetResetStrategy.EARLIEST);
        }

        void reports(String group, String name, double value) {
            reports(group, name, value, Map.of("client-id", "query-service"));
        }

        void reports(String group, String name, double value, Map<String, String> tags) {
            MetricName id = new MetricName(name, group, "", tags);
            metrics.put(id, new Metric() {
                @Override
                public MetricName metricName() {
                    return id;
                }

                @Override
                public Object metricValue() {
                    return value;
                }
            });
        }

        @Override
        public synchronized Map<MetricName, ? extends Metric> metrics() {
            return Map.copyOf(metrics);
        }
    }

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
