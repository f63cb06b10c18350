package io.learningloop.testsupport;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a projecting service under test at the local stack, with its own topic, group and indices, and at
 * the stack's key table.
 */
public final class ProjectionServiceTestProperties {

    private ProjectionServiceTestProperties() {}

    public static void register(
            DynamicPropertyRegistry properties, String topic, String consumerGroup, String indexPrefix) {
        properties.add("spring.elasticsearch.uris", LocalStack::elasticsearchUrl);
        // the key table, where the test's keys are written (TestKeys.createInLocalStack)
        properties.add("spring.datasource.url", LocalStack::postgresUrl);
        properties.add("spring.datasource.username", LocalStack::postgresKeyReaderUser);
        properties.add("spring.datasource.password", LocalStack::postgresKeyReaderPassword);
        properties.add("learning-loop.kafka.bootstrap-servers", LocalStack::kafkaBootstrap);
        properties.add("learning-loop.kafka.topic", () -> topic);
        properties.add("learning-loop.kafka.consumer-group", () -> consumerGroup);
        properties.add("learning-loop.elasticsearch.index-prefix", () -> indexPrefix);
    }
}
