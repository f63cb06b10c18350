package io.learningloop.codec.kafka;

import io.learningloop.contract.KafkaContract;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The settings of the event topic. Retention is unlimited: a new or rebuilt projection replays the
 * topic from the start, so Kafka must keep every event (the PostgreSQL event store stays the source
 * of truth; see docs/decisions/0001-event-store-and-outbox.md).
 *
 * <p>How many copies the topic keeps is the brokers' business, not the services': it is created with
 * the cluster's {@code default.replication.factor} and inherits its {@code min.insync.replicas}, so the
 * same service runs on the single local broker (1 and 1) and on a cluster (3 and 2, with the
 * publisher's {@code acks=all}) without a setting of its own that could disagree with the brokers.
 */
public record EventTopic(String name, int partitions) {

    public static EventTopic defaults() {
        return new EventTopic(KafkaContract.DEFAULT_TOPIC, 3);
    }

    public EventTopic named(String otherName) {
        return new EventTopic(otherName, partitions);
    }

    public NewTopic toNewTopic() {
        return new NewTopic(name, Optional.of(partitions), Optional.empty())
                .configs(Map.of(
                        TopicConfig.RETENTION_MS_CONFIG,
                        "-1",
                        TopicConfig.CLEANUP_POLICY_CONFIG,
                        TopicConfig.CLEANUP_POLICY_DELETE,
                        // Events are small JSON documents; 1 MiB keeps a pathological payload out.
                        TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                        Integer.toString(1024 * 1024)));
    }
}
