package io.learningloop.command;

import io.learningloop.testsupport.LocalStack;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a command service under test at the local stack, in its own schema and topic. */
final class CommandServiceTestProperties {

    private CommandServiceTestProperties() {}

    static Map<String, Object> of(String schema, String topic, String kafkaBootstrap) {
        return Map.of(
                "spring.datasource.url",
                LocalStack.postgresUrlWithSchema(schema),
                "spring.datasource.username",
                LocalStack.postgresUser(),
                "spring.datasource.password",
                LocalStack.postgresPassword(),
                "spring.flyway.schemas",
                schema,
                "axon.kafka.bootstrap-servers",
                kafkaBootstrap,
                // The test's own topic lies outside what the command service's user may write.
                "learning-loop.kafka.username",
                LocalStack.kafkaAdmin().username(),
                "learning-loop.kafka.password",
                LocalStack.kafkaAdmin().password(),
                "axon.kafka.default-topic",
                topic);
    }

    static void register(DynamicPropertyRegistry properties, String schema, String topic, String kafkaBootstrap) {
        of(schema, topic, kafkaBootstrap).forEach((name, value) -> properties.add(name, () -> value));
    }
}
