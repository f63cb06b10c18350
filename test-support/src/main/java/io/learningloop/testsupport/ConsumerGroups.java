package io.learningloop.testsupport;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits until a consumer group has committed everything on a topic. Since the projection runner
 * commits only after Elasticsearch accepted a batch, "caught up" means "every event is projected":
 * the one reliable moment to assert that something did not change.
 */
public final class ConsumerGroups {

    private ConsumerGroups() {}

    public static void awaitCaughtUp(String groupId, String topic) {
        try (Admin admin = Admin.create(LocalStack.kafkaAdminClientConfig())) {
            Map<TopicPartition, Long> end = endOffsets(admin, topic);
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> caughtUp(admin, groupId, end));
        }
    }

    /**
     * Waits until {@code members} consumers share the group and each holds some of the topic's
     * partitions: several instances of a service, each projecting its own part.
     */
    public static void awaitMembersWithPartitions(String groupId, int members) {
        try (Admin admin = Admin.create(LocalStack.kafkaAdminClientConfig())) {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        var group = admin.describeConsumerGroups(java.util.List.of(groupId))
                                .describedGroups()
                                .get(groupId)
                                .get();
                        return group.members().size() == members
                                && group.members().stream()
                                        .allMatch(member -> !member.assignment()
                                                .topicPartitions()
                                                .isEmpty());
                    });
        }
    }

    /** Total records on the topic: a replay has to read this many again. */
    public static long recordCount(String topic) {
        try (Admin admin = Admin.create(LocalStack.kafkaAdminClientConfig())) {
            return endOffsets(admin, topic).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
        }
    }

    private static boolean caughtUp(Admin admin, String groupId, Map<TopicPartition, Long> end)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata()
                .get();
        return end.entrySet().stream()
                .allMatch(partition -> partition.getValue() == 0
                        || (committed.get(partition.getKey()) != null
                                && committed.get(partition.getKey()).offset() >= partition.getValue()));
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, String topic) {
        try {
            var description = admin.describeTopics(java.util.List.of(topic))
                    .allTopicNames()
                    .get()
                    .get(topic);
            Map<TopicPartition, OffsetSpec> request = description.partitions().stream()
                    .collect(Collectors.toMap(
                            info -> new TopicPartition(topic, info.partition()), info -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets =
                    admin.listOffsets(request).all().get();
            return offsets.entrySet().stream()
                    .collect(Collectors.toMap(
                            Map.Entry::getKey, entry -> entry.getValue().offset()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the end offsets of " + topic, e.getCause());
        }
    }
}
