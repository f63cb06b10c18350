package io.learningloop.projection.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where a projecting service reads events and which indices it writes ({@code learning-loop.*} in
 * application.yml, each with an {@code LL_*} environment variable). Elasticsearch's address is
 * Boot's own {@code spring.elasticsearch.uris}.
 */
@ConfigurationProperties("learning-loop")
public record ProjectionServiceProperties(Kafka kafka, Elasticsearch elasticsearch) {

    public record Kafka(String bootstrapServers, String topic, String consumerGroup, int maxPollRecords) {}

    public record Elasticsearch(String indexPrefix) {}
}
