package io.learningloop.testsupport;

import io.learningloop.codec.kafka.KafkaCredentials;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * Where the integration tests find PostgreSQL, Kafka and Elasticsearch: the {@code LL_*} variables
 * that {@code infra/stack/stack up} writes (the README's test command sources them). Every test takes
 * unique names for its schema, topic, consumer groups and index prefix, so tests never share state.
 */
public final class LocalStack {

    private LocalStack() {}

    public static String postgresUrl() {
        return required("LL_POSTGRES_URL");
    }

    /** The command service's runtime role: it may read and append stored events, not change them. */
    public static String postgresUser() {
        return required("LL_POSTGRES_USER");
    }

    public static String postgresPassword() {
        return required("LL_POSTGRES_PASSWORD");
    }

    /** The schema owner: runs the migrations (and nothing at runtime). */
    public static String postgresOwnerUser() {
        return required("LL_POSTGRES_OWNER_USER");
    }

    public static String postgresOwnerPassword() {
        return required("LL_POSTGRES_OWNER_PASSWORD");
    }

    /** May only read API keys. */
    public static String postgresKeyReaderUser() {
        return required("LL_POSTGRES_KEY_READER_USER");
    }

    public static String postgresKeyReaderPassword() {
        return required("LL_POSTGRES_KEY_READER_PASSWORD");
    }

    public static String kafkaBootstrap() {
        return required("LL_KAFKA_BOOTSTRAP");
    }

    public static String elasticsearchUrl() {
        return required("LL_ELASTICSEARCH_URL");
    }

    /**
     * The Kafka admin (a super user): tests read and write their own topics as the admin, since their
     * unique topic and group names lie outside what the services' users may touch.
     */
    public static KafkaCredentials kafkaAdmin() {
        return kafkaUser("LL_KAFKA_ADMIN");
    }

    /** A Kafka user of stack.env by its variables' stem, e.g. {@code LL_KAFKA_QUERY} for the query service's. */
    public static KafkaCredentials kafkaUser(String variableStem) {
        return new KafkaCredentials(required(variableStem + "_USER"), required(variableStem + "_PASSWORD"));
    }

    /** Bootstrap servers and the admin's login: the configuration of a test's own Kafka client. */
    public static Map<String, Object> kafkaAdminClientConfig() {
        Map<String, Object> config = new HashMap<>(kafkaAdmin().clientProperties());
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap());
        return config;
    }

    /** The Elasticsearch superuser, for the same reason as {@link #kafkaAdmin()}. */
    public static String elasticsearchAdminUser() {
        return required("LL_ES_ADMIN_USER");
    }

    public static String elasticsearchAdminPassword() {
        return required("LL_ES_ADMIN_PASSWORD");
    }

    /** A lower-case name no other test uses, e.g. {@code it_3f9a1c2b} or {@code it-3f9a1c2b-}. */
    public static String uniqueName(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    }

    /** The JDBC URL of the stack's database with its own schema, which Flyway creates. */
    public static String postgresUrlWithSchema(String schema) {
        String url = postgresUrl();
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** A variable of stack.env; fails, saying how to get one, when it is not set. */
    public static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: integration tests need the local stack."
                    + " Run them with ./platform test, or start it with infra/stack/stack up and"
                    + " 'source' the env file it prints.");
        }
        return value;
    }
}
