package io.learningloop.command;

import io.learningloop.command.store.EventStoreMigrations;
import io.learningloop.testsupport.LocalStack;
import java.util.Map;
import org.flywaydb.core.Flyway;

/**
 * The command service's migrations on a test's own schema, run the way the service runs them (see
 * {@code spring.flyway.*} in application.yml): as the schema owner, granting the stack's roles.
 */
final class SchemaMigrations {

    private SchemaMigrations() {}

    /** Migrates {@code schema} up to {@code target} ("latest" for all). */
    static void migrate(String schema, String target) {
        EventStoreMigrations.configureStart(Flyway.configure())
                .dataSource(
                        LocalStack.postgresUrl(), LocalStack.postgresOwnerUser(), LocalStack.postgresOwnerPassword())
                .schemas(schema)
                .target(target)
                .placeholders(Map.of(
                        "service_role", LocalStack.postgresUser(),
                        "key_reader_role", LocalStack.postgresKeyReaderUser()))
                .load()
                .migrate();
    }
}
