package io.learningloop.testsupport;

import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a projecting service under test at the local stack, with its own topic, group and indices,
 * as the admin users: those names lie outside what the services' own users may touch (the end-to-end
 * test runs the services as their own users); and at the stack's key table, as the key reader.
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
        adminLogins().forEach((name, value) -> properties.add(name, () -> value));
        properties.add("learning-loop.kafka.topic", () -> topic);
        properties.add("learning-loop.kafka.consumer-group", () -> consumerGroup);
        properties.add("learning-loop.elasticsearch.index-prefix", () -> indexPrefix);
    }

    /** The users a projecting service under test logs in as: the stack's admins. */
    public static Map<String, String> adminLogins() {
        return Map.of(
                "spring.elasticsearch.username", LocalStack.elasticsearchAdminUser(),
                "spring.elasticsearch.password", LocalStack.elasticsearchAdminPassword(),
                "learning-loop.kafka.username", LocalStack.kafkaAdmin().username(),
                "learning-loop.kafka.password", LocalStack.kafkaAdmin().password());
    }

    /** {@link #adminLogins()} as {@code name=value} pairs, for an {@code ApplicationContextRunner}. */
    public static String[] adminLoginPairs() {
        return adminLogins().entrySet().stream()
                .map(login -> login.getKey() + "=" + login.getValue())
                .toArray(String[]::new);
    }
}
