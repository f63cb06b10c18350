package io.learningloop.command.pseudonyms;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one pseudonymiser of the service, with the key from {@code learning-loop.pseudonyms.key-file}
 * ({@code LL_PSEUDONYM_KEY_FILE}). Without a readable key of enough entropy the service does not start:
 * it would otherwise have to store raw identities or refuse every step.
 */
@Configuration(proxyBeanMethods = false)
public class PseudonymConfiguration {

    @Bean
    Pseudonymiser pseudonymiser(@Value("${learning-loop.pseudonyms.key-file:}") String keyFile) {
        if (keyFile.isBlank()) {
            throw new IllegalStateException("LL_PSEUDONYM_KEY_FILE is not set: the command service replaces"
                    + " every person's identity with a keyed hash and does not start without its key."
                    + " 'infra/stack/stack up' creates <state>/secrets/pseudonym.key and exports the variable;"
                    + " elsewhere create one with 'openssl rand -base64 32 > pseudonym.key' (keep it out of"
                    + " the event store, Kafka, Elasticsearch and backups of them; see docs/pseudonyms.md)");
        }
        return new Pseudonymiser(PseudonymKey.fromFile(Path.of(keyFile)));
    }
}
