package io.learningloop.command;

import io.learningloop.codec.kafka.EventTopic;
import io.learningloop.codec.kafka.KafkaCredentials;
import io.learningloop.codec.kafka.TopicInitializer;
import io.learningloop.health.BoundedHealthIndicators;
import io.learningloop.health.KafkaHealthIndicator;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class InfrastructureConfiguration {

    private static final Logger log = LoggerFactory.getLogger(InfrastructureConfiguration.class);

    /**
     * The Kafka user of the topic initializer and the health check; the publisher (Axon's Kafka
     * extension) logs in as the same user through {@code axon.kafka.properties} in application.yml.
     */
    @Bean
    KafkaCredentials kafkaCredentials(
            @Value("${learning-loop.kafka.username}") String username,
            @Value("${learning-loop.kafka.password}") String password) {
        return new KafkaCredentials(username, password);
    }

    /**
     * Creates the topic when missing. A Kafka outage must not stop the service from taking steps
     * (the event table is the outbox), so a failure here is logged, not fatal.
     */
    @Bean
    ApplicationRunner eventTopicInitializer(
            @Value("${axon.kafka.bootstrap-servers}") String bootstrapServers,
            @Value("${axon.kafka.default-topic}") String topic,
            KafkaCredentials credentials) {
        return args -> {
            try {
                TopicInitializer.ensure(
                        bootstrapServers, credentials, EventTopic.defaults().named(topic), Duration.ofSeconds(10));
            } catch (IllegalStateException e) {
                log.warn("could not make sure topic {} exists; publication waits for Kafka: {}", topic, e.getMessage());
            }
        };
    }

    /** Health answers within a second even while PostgreSQL or Kafka hangs. */
    @Bean
    static BoundedHealthIndicators boundedHealthIndicators() {
        return new BoundedHealthIndicators();
    }

    /**
     * Kafka's and the event topic's state for operators; not part of readiness, since steps are
     * accepted while it is down (the publisher catches up).
     */
    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(
            @Value("${axon.kafka.bootstrap-servers}") String bootstrapServers,
            @Value("${axon.kafka.default-topic}") String topic,
            KafkaCredentials credentials) {
        return new KafkaHealthIndicator(bootstrapServers, credentials.clientProperties(), Duration.ofSeconds(2), topic);
    }
}
