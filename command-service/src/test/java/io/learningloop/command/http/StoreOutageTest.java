package io.learningloop.command.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import jakarta.persistence.PersistenceException;
import jakarta.persistence.RollbackException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.stream.Stream;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.DataException;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.postgresql.util.ServerErrorMessage;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Which failures show that PostgreSQL is away: each chain built as the driver, Hikari, Hibernate,
 * Spring's transaction manager and Axon build it (their messages and SQLStates, their wrapping order).
 */
class StoreOutageTest {

    private static final String INSERT = "insert into domain_event_entry (...) values (...)";

    // The store's side of an outage, as the driver and the pool report it.

    /** Hikari's proxy after the pool closed a connection it saw break: no SQLState. */
    static SQLException poolClosedConnection() {
        return new SQLException("Connection is closed");
    }

    static PSQLException connectionClosedByDriver() {
        return new PSQLException("This connection has been closed.", PSQLState.CONNECTION_DOES_NOT_EXIST);
    }

    static PSQLException connectionRefused() {
        return new PSQLException(
                "Connection to 127.0.0.1:5432 refused. Check that the hostname and port are correct and that the"
                        + " postmaster is accepting TCP/IP connections.",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT,
                new ConnectException("Connection refused"));
    }

    static PSQLException readTimedOut() {
        return new PSQLException(
                "An I/O error occurred while sending to the backend.",
                PSQLState.CONNECTION_FAILURE,
                new SocketTimeoutException("Read timed out"));
    }

    static SQLTransientConnectionException poolTimeout(SQLException lastFailure) {
        return new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 2000ms (total=0, active=0,"
                        + " idle=0, waiting=0)",
                lastFailure == null ? null : lastFailure.getSQLState(),
                lastFailure);
    }

    static Stream<Arguments> outages() {
        return Stream.of(
                Arguments.of(
                        "the crash test's 500: Hibernate's GenericJDBCException over Hikari's closed proxy, in"
                                + " Spring's JpaSystemException",
                        new JpaSystemException(new GenericJDBCException(
                                "could not execute statement [Connection is closed] [" + INSERT + "]",
                                poolClosedConnection(),
                                INSERT))),
                Arguments.of(
                        "the same, stored through Axon's event store inside the command's answer",
                        new CommandExecutionException(
                                "command failed",
                                new EventStoreException(
                                        "An event for aggregate [dec-1] at sequence [0] could not be persisted",
                                        new PersistenceException(
                                                "Converting `org.hibernate.exception.GenericJDBCException`",
                                                new GenericJDBCException(
                                                        "could not execute statement",
                                                        poolClosedConnection(),
                                                        INSERT))))),
                Arguments.of(
                        "a commit on a connection the driver closed, as Spring's transaction manager reports it",
                        new TransactionSystemException(
                                "Could not commit JPA transaction",
                                new RollbackException(
                                        "Error while committing the transaction",
                                        new GenericJDBCException(
                                                "Unable to commit against JDBC Connection",
                                                connectionClosedByDriver())))),
                Arguments.of(
                        "no connection within the pool's timeout while the server refuses connections",
                        new CannotCreateTransactionException(
                                "Could not open JPA EntityManager for transaction",
                                new JDBCConnectionException(
                                        "Unable to acquire JDBC Connection", poolTimeout(connectionRefused())))),
                Arguments.of(
                        "the pool's timeout alone, without a last failure (no SQLState)",
                        new JpaSystemException(
                                new GenericJDBCException("Unable to acquire JDBC Connection", poolTimeout(null)))),
                Arguments.of(
                        "a stalled server: the socket timeout, inside a generic wrapper",
                        new EventStoreException(
                                "could not be persisted",
                                new GenericJDBCException("could not execute statement", readTimedOut(), INSERT))),
                Arguments.of(
                        "a server shutting down (57P01), in Axon's command answer",
                        new CommandExecutionException(
                                "command failed",
                                new GenericJDBCException(
                                        "could not execute statement",
                                        // As the driver reads the server's error message: severity, code, text.
                                        new PSQLException(new ServerErrorMessage(
                                                "SFATAL\0C57P01\0Mterminating connection due to administrator"
                                                        + " command\0"))))),
                Arguments.of(
                        "a server starting up after a crash (57P03)",
                        new CannotCreateTransactionException(
                                "Could not open JPA EntityManager for transaction",
                                new GenericJDBCException(
                                        "Unable to acquire JDBC Connection",
                                        new SQLException("FATAL: the database system is starting up", "57P03")))),
                Arguments.of(
                        "the statement timeout (57014)",
                        new JpaSystemException(new GenericJDBCException(
                                "could not execute statement",
                                new PSQLException(
                                        "ERROR: canceling statement due to statement timeout",
                                        PSQLState.QUERY_CANCELED)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outages")
    void anOutageIsSeenWhereverItLiesInTheChain(String what, RuntimeException failure) {
        assertThat(StoreOutage.evidence(failure)).as(what).isPresent();
    }

    @Test
    void theEvidenceIsTheLinkThatShowsTheOutage() {
        SQLException closed = poolClosedConnection();
        var failure = new JpaSystemException(new GenericJDBCException("could not execute statement", closed, INSERT));

        assertThat(StoreOutage.evidence(failure)).containsSame(closed);
    }

    static Stream<Arguments> faultsOfTheServiceOrTheData() {
        return Stream.of(
                Arguments.of("a failure of the service", new IllegalStateException("no handler")),
                Arguments.of(
                        "a value PostgreSQL refuses (22001), wrapped as an outage would be",
                        new CommandExecutionException(
                                "command failed",
                                new EventStoreException(
                                        "could not be persisted",
                                        new DataException(
                                                "could not execute statement",
                                                new SQLException("ERROR: value too long", "22001"),
                                                INSERT)))),
                Arguments.of(
                        "a constraint violation (23514)",
                        new JpaSystemException(new ConstraintViolationException(
                                "could not execute statement",
                                new SQLException("ERROR: violates check constraint", "23514"),
                                INSERT,
                                "ck"))),
                Arguments.of(
                        "a SQLException without state that is not the pool's closed connection",
                        new JpaSystemException(new GenericJDBCException(
                                "could not execute statement", new SQLException("Unexpected packet type")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faultsOfTheServiceOrTheData")
    void otherFailuresAreNoOutage(String what, RuntimeException failure) {
        assertThat(StoreOutage.evidence(failure)).as(what).isEmpty();
    }

    @Test
    void aCauseChainThatLoopsIsReadOnce() {
        var first = new IllegalStateException("first");
        var second = new IllegalArgumentException("second", first);
        first.initCause(second);

        assertTimeoutPreemptively(
                Duration.ofSeconds(5),
                () -> assertThat(StoreOutage.evidence(first)).isEmpty());
    }
}
