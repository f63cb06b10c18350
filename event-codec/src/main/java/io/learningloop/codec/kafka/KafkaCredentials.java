package io.learningloop.codec.kafka;

import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;

/**
 * The Kafka user a client logs in as (SASL/SCRAM-SHA-256): every Kafka client of the platform adds
 * {@link #clientProperties()} to its own. The brokers refuse anonymous clients (infra/stack/README.md),
 * so a client without a user fails at once, naming what is missing, rather than at its first request.
 */
public record KafkaCredentials(String username, String password) {

    public KafkaCredentials {
        if (username == null || username.isBlank() || password == null || password.isBlank()) {
            throw new IllegalArgumentException("a Kafka user and password are required (SASL/SCRAM-SHA-256; the"
                    + " services take them from LL_KAFKA_<SERVICE>_USER and _PASSWORD, see infra/stack/README.md);"
                    + " got user '" + username + "'"
                    + (password == null || password.isBlank() ? " without a password" : ""));
        }
    }

    /** SASL over the connection as is; TLS (SASL_SSL) is the deployment's choice, see docs/security-backing-services.md. */
    public Map<String, Object> clientProperties() {
        return Map.of(
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG,
                "SASL_PLAINTEXT",
                SaslConfigs.SASL_MECHANISM,
                "SCRAM-SHA-256",
                SaslConfigs.SASL_JAAS_CONFIG,
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + quoted(username)
                        + "\" password=\"" + quoted(password) + "\";");
    }

    /** The JAAS syntax takes backslash escapes inside double quotes. */
    private static String quoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** Neither the password nor its length in logs. */
    @Override
    public String toString() {
        return "KafkaCredentials[username=" + username + "]";
    }
}
