package io.learningloop.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learningloop.testsupport.LocalStack;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The event store is append-only by PostgreSQL's own rule, on the stack's real roles: the service
 * role may append and read but not change, remove or truncate stored events, nor create anything;
 * the owner may not change them either (the trigger), unless it drops the trigger on purpose.
 */
class AppendOnlyEventStoreIntegrationTest {

    /** PostgreSQL's SQLSTATE for "permission denied" (the trigger raises it as well). */
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private static final String SCHEMA = LocalStack.uniqueName("it_");

    @BeforeAll
    static void migrate() throws SQLException {
        SchemaMigrations.migrate(SCHEMA, "latest");
        try (Connection service = asService()) {
            append(service, "ao-1");
        }
    }

    @Test
    void serviceRoleAppendsAndReadsEvents() throws SQLException {
        try (Connection service = asService()) {
            append(service, "ao-2");

            assertThat(count(service, "select count(*) from domain_event_entry where aggregate_identifier = 'ao-2'"))
                    .isEqualTo(1);
        }
    }

    @Test
    void serviceRoleMayNotUpdateDeleteOrTruncateStoredEvents() throws SQLException {
        try (Connection service = asService()) {
            for (String rewrite : List.of(
                    "update domain_event_entry set payload_type = 'forged' where aggregate_identifier = 'ao-1'",
                    "delete from domain_event_entry where aggregate_identifier = 'ao-1'",
                    "truncate domain_event_entry")) {
                assertRefused(service, rewrite, "permission denied for table domain_event_entry");
            }
        }
        assertStoredEventUntouched();
    }

    @Test
    void ownerIsStoppedByTheTrigger() throws SQLException {
        try (Connection owner = asOwner()) {
            assertRefused(
                    owner,
                    "update domain_event_entry set payload_type = 'forged' where aggregate_identifier = 'ao-1'",
                    "the event store is append-only: UPDATE on domain_event_entry refused");
            assertRefused(
                    owner,
                    "delete from domain_event_entry where aggregate_identifier = 'ao-1'",
                    "the event store is append-only: DELETE on domain_event_entry refused");
            assertRefused(
                    owner,
                    "truncate domain_event_entry",
                    "the event store is append-only: TRUNCATE on domain_event_entry refused");
        }
        assertStoredEventUntouched();
    }

    /** Refused as a statement, not row by row: a rewrite that matches nothing is refused too. */
    @Test
    void triggerRefusesEvenARewriteThatMatchesNoRow() throws SQLException {
        try (Connection owner = asOwner()) {
            assertRefused(
                    owner,
                    "delete from domain_event_entry where aggregate_identifier = 'no-such-step'",
                    "the event store is append-only");
        }
    }

    @Test
    void serviceRoleCannotCreateTablesNorChangeTheSchema() throws SQLException {
        try (Connection service = asService()) {
            assertRefused(service, "create table " + SCHEMA + ".sneaky (id int)", "permission denied for schema");
            assertRefused(service, "create table public.sneaky (id int)", "permission denied for schema public");
            assertRefused(
                    service,
                    "alter table domain_event_entry disable trigger domain_event_entry_append_only",
                    "must be owner of table domain_event_entry");
            assertRefused(service, "drop table domain_event_entry", "must be owner of table domain_event_entry");
        }
    }

    @Test
    void keyReaderCannotReadTheEventStore() throws SQLException {
        try (Connection keyReader = DriverManager.getConnection(
                LocalStack.postgresUrlWithSchema(SCHEMA),
                LocalStack.postgresKeyReaderUser(),
                LocalStack.postgresKeyReaderPassword())) {
            assertRefused(
                    keyReader,
                    "select count(*) from domain_event_entry",
                    "permission denied for table domain_event_entry");
        }
    }

    /**
     * Grants are explicit per migration (see V6): a table created without one would fail only when the
     * service first touches it. This lists such a table as soon as its migration exists.
     */
    @Test
    void everyTableButFlywaysHistoryIsGrantedToTheServiceRole() throws SQLException {
        try (Connection owner = asOwner();
                PreparedStatement query = owner.prepareStatement("""
                        select table_name from information_schema.tables
                        where table_schema = ? and table_name <> 'flyway_schema_history'
                          and not has_table_privilege(?, format('%I.%I', table_schema, table_name), 'select')
                        order by table_name
                        """)) {
            query.setString(1, SCHEMA);
            query.setString(2, LocalStack.postgresUser());
            List<String> ungranted = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ungranted.add(rows.getString(1));
                }
            }
            assertThat(ungranted).isEmpty();
            assertThat(count(
                            owner,
                            "select count(*) from information_schema.tables where table_schema = '" + SCHEMA + "'"))
                    .as("the check above looks at the migrated tables")
                    .isGreaterThan(5);
        }
    }

    /** The owner can rewrite history only by dropping the trigger: on purpose, and visibly. */
    @Test
    void ownerMustDropTheTriggerToRewriteAnEvent() throws SQLException {
        String schema = LocalStack.uniqueName("it_");
        SchemaMigrations.migrate(schema, "latest");
        try (Connection owner = DriverManager.getConnection(
                        LocalStack.postgresUrlWithSchema(schema),
                        LocalStack.postgresOwnerUser(),
                        LocalStack.postgresOwnerPassword());
                Statement sql = owner.createStatement()) {
            append(owner, "ao-3");
            sql.execute("drop trigger domain_event_entry_append_only on domain_event_entry");

            assertThatCode(() ->
                            sql.executeUpdate("delete from domain_event_entry where aggregate_identifier = 'ao-3'"))
                    .doesNotThrowAnyException();
        }
    }

    private static void assertStoredEventUntouched() throws SQLException {
        try (Connection owner = asOwner()) {
            assertThat(count(
                            owner,
                            "select count(*) from domain_event_entry"
                                    + " where aggregate_identifier = 'ao-1' and payload_type = 'test.StepEvent'"))
                    .isEqualTo(1);
        }
    }

    private static void assertRefused(Connection db, String statement, String message) {
        assertThatThrownBy(() -> {
                    try (Statement sql = db.createStatement()) {
                        sql.execute(statement);
                    }
                })
                .as(statement)
                .isInstanceOfSatisfying(
                        SQLException.class,
                        refusal -> assertThat(refusal.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE))
                .hasMessageContaining(message);
    }

    /** One event as Axon writes it: the global index from the sequence, JSON in bytea. */
    private static void append(Connection db, String aggregateId) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("""
                insert into domain_event_entry (global_index, sequence_number, aggregate_identifier, event_identifier,
                    payload, payload_type, time_stamp, type)
                values (nextval('domain_event_entry_seq'), 0, ?, gen_random_uuid()::text,
                    convert_to('{}', 'UTF8'), 'test.StepEvent', now()::text, 'Step')
                """)) {
            insert.setString(1, aggregateId);
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
    }

    private static long count(Connection db, String query) throws SQLException {
        try (Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Connection asService() throws SQLException {
        return DriverManager.getConnection(
                LocalStack.postgresUrlWithSchema(SCHEMA), LocalStack.postgresUser(), LocalStack.postgresPassword());
    }

    private static Connection asOwner() throws SQLException {
        return DriverManager.getConnection(
                LocalStack.postgresUrlWithSchema(SCHEMA),
                LocalStack.postgresOwnerUser(),
                LocalStack.postgresOwnerPassword());
    }
}
