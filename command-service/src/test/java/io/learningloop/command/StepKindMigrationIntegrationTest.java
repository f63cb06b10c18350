package io.learningloop.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.learningloop.testsupport.LocalStack;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

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

    /** As the owner: the rows stand for what an older version wrote, before V6 granted anything. */
    private Connection connect() throws SQLException {
        return DriverManager.getConnection(
                LocalStack.postgresUrlWithSchema(schema),
                LocalStack.postgresOwnerUser(),
                LocalStack.postgresOwnerPassword());
    }
}
