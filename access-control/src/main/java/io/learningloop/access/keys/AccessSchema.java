package io.learningloop.access.keys;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The key table's schema, migrated on its own history ({@code access_schema_history}, scripts under
 * {@code db/access}) so that this module owns it whichever service uses it: the command service applies it
 * at start-up after its own migrations, the key command line before it writes, and tests before they
 * make keys. Applying it again changes nothing. It needs the schema owner's connection.
 */
public final class AccessSchema {

    private AccessSchema() {}

    public static void migrate(DataSource owner) {
        Flyway.configure()
                .dataSource(owner)
                .locations("classpath:db/access")
                .table("access_schema_history")
                // the schema already holds the event store's tables: start this history beside them
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
