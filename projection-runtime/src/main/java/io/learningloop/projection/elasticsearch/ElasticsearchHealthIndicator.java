package io.learningloop.projection.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import io.learningloop.health.Degraded;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * Elasticsearch as the platform's indices need it, in place of Boot's indicator (which calls a yellow
 * cluster UP): the health of this deployment's indices only ({@code <prefix>*}, not every index of a
 * shared cluster). Green is UP; yellow is {@link Degraded DEGRADED}: every shard has a serving copy,
 * but some replica is missing (a node is gone), so one more loss may lose an index until it is rebuilt;
 * red is DOWN: a shard has no copy at all, and reads and writes of its documents fail.
 */
public class ElasticsearchHealthIndicator extends AbstractHealthIndicator {

    private final ElasticsearchClient client;
    private final String indices;

    public ElasticsearchHealthIndicator(ElasticsearchClient client, Indices indices) {
        super("Elasticsearch health check failed");
        this.client = client;
        this.indices = indices.prefix() + "*";
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        HealthResponse health = client.cluster().health(request -> request.index(indices));
        builder.status(statusOf(health.status()))
                .withDetail("cluster", health.clusterName())
                .withDetail("indices", indices)
                .withDetail("status", health.status().jsonValue())
                .withDetail("nodes", health.numberOfNodes())
                .withDetail("activeShards", health.activeShards())
                .withDetail("unassignedShards", health.unassignedShards())
                .withDetail("unassignedPrimaryShards", health.unassignedPrimaryShards());
    }

    static Status statusOf(HealthStatus status) {
        return switch (status) {
            case Green -> Status.UP;
            case Yellow -> Degraded.STATUS;
            case Red, Unknown, Unavailable -> Status.DOWN;
        };
    }
}
