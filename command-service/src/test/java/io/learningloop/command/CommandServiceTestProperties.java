package io.learningloop.command;

import io.learningloop.command.pseudonyms.TestPseudonyms;
import io.learningloop.testsupport.LocalStack;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a command service under test at the local stack, in its own schema and topic, with the tests'
 * pseudonym key: it migrates as the schema owner and runs as the service role, as in production.
 */
final class CommandServiceTestProperties {

    private CommandServiceTestProperties() {}

    static Map<String, String> of(String schema, String topic, String kafkaBootstrap) {
        return Map.ofEntries(
                Map.entry("spring.datasource.url", LocalStack.postgresUrlWithSchema(schema)),
                Map.entry("spring.datasource.username", LocalStack.postgresUser()),
                Map.entry("spring.datasource.password", LocalStack.postgresPassword()),
                Map.entry("spring.flyway.user", LocalStack.postgresOwnerUser()),
                Map.entry("spring.flyway.password", LocalStack.postgresOwnerPassword()),
                Map.entry("spring.flyway.schemas", schema),
                Map.entry("axon.kafka.bootstrap-servers", kafkaBootstrap),
                // The test's own topic lies outside what the command service's user may write.
                Map.entry(
                        "learning-loop.kafka.username", LocalStack.kafkaAdmin().username()),
                Map.entry(
                        "learning-loop.kafka.password", LocalStack.kafkaAdmin().password()),
                Map.entry("axon.kafka.default-topic", topic),
                Map.entry(
                        "learning-loop.pseudonyms.key-file",
                        TestPseudonyms.file().toString()));
    }

    /**
     * A command service of its own in this JVM (several may share a schema and topic), on a free port,
     * with {@code extra} settings. Settings go in as arguments: they must win over application.yml, as
     * on a real command line.
     */
    static ConfigurableApplicationContext start(
            String schema, String topic, String kafkaBootstrap, Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(of(schema, topic, kafkaBootstrap));
        properties.put("server.port", 0);
        properties.putAll(extra);
        String[] arguments = properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(CommandServiceApplication.class).run(arguments);
    }

    static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    static void register(DynamicPropertyRegistry properties, String schema, String topic, String kafkaBootstrap) {
        of(schema, topic, kafkaBootstrap).forEach((name, value) -> properties.add(name, () -> value));
    }
}
