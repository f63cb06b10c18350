package io.learningloop.health;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * Kafka and the event topic as the service needs them: DOWN when the cluster does not answer within
 * the timeout or a partition of the topic has no leader (nothing can be written to or read from it);
 * {@link Degraded DEGRADED} while a partition has fewer in-sync copies than replicas (a broker is
 * gone or behind: everything still works, but one more loss may stop writes at
 * {@code min.insync.replicas}); UP otherwise. A topic not created yet is UP: the command service
 * creates it as it starts.
 */
public class KafkaHealthIndicator extends AbstractHealthIndicator implements AutoCloseable {

    private final Admin admin;
    private final Duration timeout;
    private final String topic;

    /**
     * {@code security} holds the client's login (SASL settings): the service's own user, which needs no
     * ACL beyond its own (describing the cluster is open to every authenticated client, describing the
     * topic follows from reading or writing it).
     */
    public KafkaHealthIndicator(String bootstrapServers, Map<String, ?> security, Duration timeout, String topic) {
        super("Kafka health check failed");
        this.timeout = timeout;
        this.topic = topic;
        Map<String, Object> config = new HashMap<>(security);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        this.admin = Admin.create(config);
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        DescribeClusterResult cluster =
                admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
        String clusterId = cluster.clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        int nodes =
                cluster.nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
        builder.withDetail("clusterId", clusterId).withDetail("nodes", nodes).withDetail("topic", topic);
        try {
            TopicDescription description = admin.describeTopics(
                            List.of(topic), new DescribeTopicsOptions().timeoutMs((int) timeout.toMillis()))
                    .allTopicNames()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .get(topic);
            Replication replication = Replication.of(description);
            builder.status(replication.status())
                    .withDetail("partitions", replication.partitions())
                    .withDetail("underReplicatedPartitions", replication.underReplicated())
                    .withDetail("offlinePartitions", replication.offline());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                throw e;
            }
            builder.up().withDetail("partitions", "the topic is not created yet");
        }
    }

    /** How many of the topic's partitions lack a leader, or some of their in-sync copies. */
    record Replication(int partitions, int underReplicated, int offline) {

        static Replication of(TopicDescription description) {
            int under = 0;
            int offline = 0;
            for (TopicPartitionInfo partition : description.partitions()) {
                if (partition.leader() == null || partition.leader().isEmpty()) {
                    offline++;
                } else if (partition.isr().size() < partition.replicas().size()) {
                    under++;
                }
            }
            return new Replication(description.partitions().size(), under, offline);
        }

        Status status() {
            return offline > 0 ? Status.DOWN : underReplicated > 0 ? Degraded.STATUS : Status.UP;
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
