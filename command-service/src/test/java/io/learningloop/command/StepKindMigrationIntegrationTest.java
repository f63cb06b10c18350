package io.learningloop.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.learningloop.access.keys.AccessSchema;
import io.learningloop.testsupport.LocalStack;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** V4 on rows written before it: a behaviour change stored under its label is found by its wire name. */
class StepKindMigrationIntegrationTest {

    final String schema = LocalStack.uniqueName("it_");

    @Test
    void stepKindsStoredBeforeV4AreRewrittenToTheirWireNames() throws SQLException {
        SchemaMigrations.migrate(schema, "3");
        try (Connection db = connect();
                Statement sql = db.createStatement()) {
            sql.executeUpdate("insert into known_step (step_id, kind, occurred_at) values"
                    + " ('bc-1', 'behaviour change', now()), ('dec-1', 'decision', now()), ('les-1', 'lesson', now())");
        }

        SchemaMigrations.migrate(schema, "latest");

        List<String> kinds = new ArrayList<>();
        try (Connection db = connect();
                Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery("select step_id || ' ' || kind from known_step order by step_id")) {
            while (rows.next()) {
                kinds.add(rows.getString(1));
            }
        }
        assertThat(kinds).containsExactly("bc-1 behavior-change", "dec-1 decision", "les-1 lesson");
    }

    /**
     * The key command line run before the service ever started leaves the key table (on its own history)
     * in the schema: the service's first migration still runs all of its own, and keeps the keys.
     */
    @Test
    void aSchemaHoldingOnlyTheKeyTableGetsEveryMigration() throws SQLException {
        try (Connection db = connect();
                Statement sql = db.createStatement()) {
            sql.execute("create schema if not exists " + schema);
        }
        AccessSchema.migrate(
                new DriverManagerDataSource(
                        LocalStack.postgresUrlWithSchema(schema),
                        LocalStack.postgresOwnerUser(),
                        LocalStack.postgresOwnerPassword()),
                Map.of(
                        AccessSchema.SERVICE_ROLE, LocalStack.postgresUser(),
                        AccessSchema.KEY_READER_ROLE, LocalStack.postgresKeyReaderUser()));

        SchemaMigrations.migrate(schema, "latest");

        List<String> applied = new ArrayList<>();
        try (Connection db = connect();
                Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery(
                        "select version from flyway_schema_history where success order by installed_rank")) {
            while (rows.next()) {
                applied.add(rows.getString(1));
            }
        }
        assertThat(applied).startsWith("0", "1").hasSizeGreaterThanOrEqualTo(7);
        try (Connection db = connect();
                Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery("select count(*) from domain_event_entry")) {
            assertThat(rows.next()).isTrue();
        }
    }

    /** As the owner: the rows stand for what an older version wrote, before V6 granted anything. */
    private Connection connect() throws SQLException {
        return DriverManager.getConnection(
                LocalStack.postgresUrlWithSchema(schema),
                LocalStack.postgresOwnerUser(),
                LocalStack.postgresOwnerPassword());
    }
}
