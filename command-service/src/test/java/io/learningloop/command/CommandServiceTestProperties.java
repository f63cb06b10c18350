package io.learningloop.command;

import io.learningloop.command.pseudonyms.TestPseudonyms;
import io.learningloop.testsupport.LocalStack;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a command service under test at the local stack, in its own schema and topic, with the tests'
 * pseudonym key: it migrates as the schema owner and runs as the service role, as in production.
 */
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
                "spring.flyway.user",
                LocalStack.postgresOwnerUser(),
                "spring.flyway.password",
                LocalStack.postgresOwnerPassword(),
                "spring.flyway.schemas",
                schema,
                "axon.kafka.bootstrap-servers",
                kafkaBootstrap,
                "axon.kafka.default-topic",
                topic,
                "learning-loop.pseudonyms.key-file",
                TestPseudonyms.file().toString());
    }

    static void register(DynamicPropertyRegistry properties, String schema, String topic, String kafkaBootstrap) {
        of(schema, topic, kafkaBootstrap).forEach((name, value) -> properties.add(name, () -> value));
    }
}
