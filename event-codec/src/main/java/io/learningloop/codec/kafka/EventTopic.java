package io.learningloop.codec.kafka;

import io.learningloop.contract.KafkaContract;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The settings of the event topic. Retention is unlimited: a new or rebuilt projection replays the
 * topic from the start, so Kafka must keep every event (the PostgreSQL event store stays the source
 * of truth; see docs/decisions/0001-event-store-and-outbox.md).
 */
public record EventTopic(String name, int partitions, short replicationFactor) {

    public static EventTopic defaults() {
        return new EventTopic(KafkaContract.DEFAULT_TOPIC, 3, (short) 1);
    }

    public EventTopic named(String otherName) {
        return new EventTopic(otherName, partitions, replicationFactor);
    }

    public NewTopic toNewTopic() {
        return new NewTopic(name, partitions, replicationFactor)
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
