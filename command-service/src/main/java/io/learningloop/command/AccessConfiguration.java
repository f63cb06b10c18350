package io.learningloop.command;

import io.learningloop.access.Scope;
import io.learningloop.access.keys.AccessSchema;
import io.learningloop.access.web.AccessRules;
import io.learningloop.command.commands.Writer;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may write: every step and correction (a POST outside the actuator) needs {@code steps:write}, and
 * the key that wrote an event is kept in its metadata, so the event store and the topic say which tool
 * wrote what.
 */
@Configuration(proxyBeanMethods = false)
public class AccessConfiguration {

    @Bean
    AccessRules stepWriting() {
        return routes -> routes.requestMatchers(HttpMethod.POST, "/**").hasAuthority(Scope.STEPS_WRITE.wireName());
    }

    /** The key table's own migrations, after the event store's, with the same (owner's) connection and roles. */
    @Bean
    FlywayMigrationStrategy migrateTheKeyTableToo() {
        return flyway -> {
            flyway.migrate();
            AccessSchema.migrate(
                    flyway.getConfiguration().getDataSource(),
                    flyway.getConfiguration().getPlaceholders());
        };
    }

    /** Axon's default (correlation and trace ids), kept: declaring any provider replaces the defaults. */
    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    /** The writing key's id and name, from the command to every event it applies; its units stay behind. */
    @Bean
    CorrelationDataProvider writingKey() {
        return new SimpleCorrelationDataProvider(Writer.KEY_ID, Writer.KEY_NAME);
    }
}
