package io.learningloop.projection.autoconfigure;

import io.learningloop.codec.kafka.KafkaCredentials;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where a projecting service reads events, as which Kafka user, and which indices it writes
 * ({@code learning-loop.*} in application.yml, each with an {@code LL_*} environment variable).
 * Elasticsearch's address and user are Boot's own {@code spring.elasticsearch.*}.
 */
@ConfigurationProperties("learning-loop")
public record ProjectionServiceProperties(Kafka kafka, Elasticsearch elasticsearch) {

    public record Kafka(
            String bootstrapServers,
            String username,
            String password,
            String topic,
            String consumerGroup,
            int maxPollRecords) {

        /** Fails the start, naming what is missing, when the user or password is not configured. */
        public KafkaCredentials credentials() {
            return new KafkaCredentials(username, password);
        }
    }

    public record Elasticsearch(String indexPrefix) {}
}
