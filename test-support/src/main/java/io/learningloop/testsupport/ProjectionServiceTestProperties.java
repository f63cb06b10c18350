package io.learningloop.testsupport;

import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a projecting service under test at the local stack, with its own topic, group and indices. */
public final class ProjectionServiceTestProperties {

    private ProjectionServiceTestProperties() {}

    public static void register(
            DynamicPropertyRegistry properties, String topic, String consumerGroup, String indexPrefix) {
        properties.add("spring.elasticsearch.uris", LocalStack::elasticsearchUrl);
        properties.add("learning-loop.kafka.bootstrap-servers", LocalStack::kafkaBootstrap);
        properties.add("learning-loop.kafka.topic", () -> topic);
        properties.add("learning-loop.kafka.consumer-group", () -> consumerGroup);
        properties.add("learning-loop.elasticsearch.index-prefix", () -> indexPrefix);
    }
}
