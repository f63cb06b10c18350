package io.learningloop.command.http;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure shows that the event store (PostgreSQL) is unreachable or stalled, rather than a
 * fault of the service: the one place that reads a cause chain for it, link by link, whatever wrapped
 * the evidence. Hibernate, Spring's transaction manager and Axon each wrap differently (a
 * {@code GenericJDBCException} inside a {@code TransactionSystemException}, a {@code PersistenceException}
 * inside an {@code EventStoreException}, Hibernate's exceptions inside {@code CommandExecutionException}),
 * so the wrappers are never listed: only what the chain holds counts.
 */
final class StoreOutage {

    /** SQLState class 08: connection exception (refused, broken, closed, never established). */
    private static final String CONNECTION_EXCEPTION_CLASS = "08";

    /**
     * PostgreSQL's states for a server going away or stalled: terminated by a shutdown or a crash of
     * another backend (57P01, 57P02), not accepting connections yet (57P03, starting up after a crash),
     * a statement cancelled by {@code statement_timeout} (57014), a lock not had within
     * {@code lock_timeout} (55P03).
     */
    private static final Set<String> OUTAGE_STATES = Set.of("57P01", "57P02", "57P03", "57014", "55P03");

    /**
     * What Hikari's proxy throws, without a SQLState, once the pool closed a connection it saw break (a
     * killed server): Hibernate then reports a {@code GenericJDBCException} "Connection is closed".
     */
    private static final String POOL_CLOSED_CONNECTION = "Connection is closed";

    private StoreOutage() {}

    /** The link of {@code failure}'s cause chain that shows the outage; empty for any other failure. */
    static Optional<Throwable> evidence(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable link = failure; link != null && seen.add(link); link = link.getCause()) {
            if (showsOutage(link)) {
                return Optional.of(link);
            }
        }
        return Optional.empty();
    }

    private static boolean showsOutage(Throwable link) {
        if (link instanceof SQLException sql) {
            String state = sql.getSQLState();
            return sql instanceof SQLTransientConnectionException // Hikari: no connection within its timeout
                    || sql instanceof SQLNonTransientConnectionException
                    || (state != null
                            && (state.startsWith(CONNECTION_EXCEPTION_CLASS) || OUTAGE_STATES.contains(state)))
                    || (state == null && POOL_CLOSED_CONNECTION.equals(sql.getMessage()));
        }
        // What the frameworks already classified as an outage (from the SQLState or the pool), should
        // the SQLException itself not be in the chain.
        return link instanceof ConnectException
                || link instanceof JDBCConnectionException
                || link instanceof LockAcquisitionException
                || link instanceof org.hibernate.QueryTimeoutException
                || link instanceof jakarta.persistence.QueryTimeoutException
                || link instanceof jakarta.persistence.LockTimeoutException
                || link instanceof CannotCreateTransactionException
                || link instanceof DataAccessResourceFailureException
                || link instanceof TransientDataAccessResourceException
                || link instanceof QueryTimeoutException
                || link instanceof CannotAcquireLockException;
    }
}
