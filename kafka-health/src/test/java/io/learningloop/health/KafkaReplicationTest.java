package io.learningloop.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.learningloop.health.KafkaHealthIndicator.Replication;
import java.util.List;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

/**
 * What the topic's partitions say about health, on the descriptions a three-broker cluster gives
 * (one broker cannot show them: its partitions have one copy, always in sync).
 */
class KafkaReplicationTest {

    static final Node ONE = new Node(1, "127.0.0.1", 9092);
    static final Node TWO = new Node(2, "127.0.0.1", 9093);
    static final Node THREE = new Node(3, "127.0.0.1", 9094);
    static final List<Node> ALL = List.of(ONE, TWO, THREE);

    static TopicPartitionInfo partition(int id, Node leader, List<Node> inSync) {
        return new TopicPartitionInfo(id, leader, ALL, inSync);
    }

    static Replication of(TopicPartitionInfo... partitions) {
        return Replication.of(new TopicDescription("events", false, List.of(partitions)));
    }

    @Test
    void everyCopyInSyncIsUp() {
        Replication replication = of(partition(0, ONE, ALL), partition(1, TWO, ALL), partition(2, THREE, ALL));
        assertThat(replication).isEqualTo(new Replication(3, 0, 0));
        assertThat(replication.status()).isEqualTo(Status.UP);
    }

    @Test
    void aBrokerGoneLeavesPartitionsUnderReplicatedAndTheServiceDegraded() {
        Replication replication = of(
                partition(0, ONE, List.of(ONE, THREE)),
                partition(1, THREE, List.of(THREE, ONE)),
                partition(2, THREE, ALL));
        assertThat(replication).isEqualTo(new Replication(3, 2, 0));
        assertThat(replication.status()).isEqualTo(Degraded.STATUS);
    }

    @Test
    void aPartitionWithoutLeaderIsDown() {
        Replication replication = of(
                partition(0, null, List.of()), partition(1, Node.noNode(), List.of()), partition(2, ONE, List.of(ONE)));
        assertThat(replication).isEqualTo(new Replication(3, 1, 2));
        assertThat(replication.status()).isEqualTo(Status.DOWN);
    }
}
