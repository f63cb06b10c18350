package io.learningloop.command.store;

import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.stereotype.Component;

/**
 * How the event store's migrations start on a schema that already holds something: the key table,
 * which the key command line ({@code command-service.jar keys}) or a test's keys create on their own
 * history ({@code AccessSchema}) before the service has ever started. Without this, Flyway refuses a
 * non-empty schema without its history table and the service's first start fails. The history then
 * starts at version 0, below every migration, so all of them still run; a schema holding an event store
 * that no history knows of still fails, on the first migration's {@code create table}, as it should.
 */
@Component
public class EventStoreMigrations implements FlywayConfigurationCustomizer {

    @Override
    public void customize(FluentConfiguration configuration) {
        configureStart(configuration);
    }

    /** Shared with the tests that migrate schemas of their own, so that they run what the service runs. */
    public static FluentConfiguration configureStart(FluentConfiguration configuration) {
        return configuration.baselineOnMigrate(true).baselineVersion("0");
    }
}
