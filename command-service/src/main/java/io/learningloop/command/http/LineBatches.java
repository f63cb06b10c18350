package io.learningloop.command.http;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * Runs a batch of bulk lines in one PostgreSQL transaction, each line under its own savepoint, so that a
 * batch costs one commit (one WAL flush) instead of one per line, and each line is still stored whole
 * or not at all: a refused line is rolled back to its savepoint, the others commit. The results are
 * the caller's to send only after {@link #importTogether} returns, i.e. after the commit: a line
 * answered 201 is durable.
 *
 * <p>When the batch cannot commit as one (the store failed mid-batch, a flush failed and Hibernate
 * doomed the transaction), nothing of it is kept and every line runs again in its own transaction, as
 * without batching; lines are idempotent, so running one again is safe.
 */
@Component
class LineBatches {

    private static final Logger log = LoggerFactory.getLogger(LineBatches.class);
    private static final TransactionDefinition BATCH = new DefaultTransactionDefinition();

    private final PlatformTransactionManager transactions;
    private final DataSource dataSource;
    private final EntityManagerProvider entityManagers;

    LineBatches(PlatformTransactionManager transactions, DataSource dataSource, EntityManagerProvider entityManagers) {
        this.transactions = transactions;
        this.dataSource = dataSource;
        this.entityManagers = entityManagers;
    }

    /**
     * @param importLine imports one line (sending its command, which joins the batch's transaction)
     * @param stored whether a line's result kept what it wrote: a refused one is rolled back
     */
    <L, R> List<R> importTogether(List<L> lines, Function<L, R> importLine, Predicate<R> stored) {
        List<R> results = batched(lines, importLine, stored);
        if (results != null) {
            return results;
        }
        return lines.stream().map(importLine).toList();
    }

    /** The batch's results once committed; null when it was rolled back as a whole. */
    private <L, R> List<R> batched(List<L> lines, Function<L, R> importLine, Predicate<R> stored) {
        TransactionStatus transaction = transactions.getTransaction(BATCH);
        List<R> results = new ArrayList<>(lines.size());
        try {
            EntityManager entities = entityManagers.getEntityManager();
            Connection connection = DataSourceUtils.getConnection(dataSource);
            for (L line : lines) {
                Savepoint savepoint = connection.setSavepoint();
                R result = importLine.apply(line);
                if (stored.test(result)) {
                    // Written now, so that a later line's rollback cannot take this line's pending writes.
                    entities.flush();
                    connection.releaseSavepoint(savepoint);
                } else {
                    connection.rollback(savepoint);
                }
                // Nothing is pending any more: a refused line's entities are no longer in the database, a
                // stored line's are. Kept, they would be dirty-checked by every later flush of the batch
                // (quadratic in the batch: the stored events' payloads compared byte by byte).
                entities.clear();
                results.add(result);
                if (transaction.isRollbackOnly()) {
                    // A flush failed and Hibernate doomed the transaction: nothing of it can commit.
                    log.warn(
                            "a batch of {} bulk lines was doomed by line {} of it; each line runs on its own",
                            lines.size(),
                            results.size());
                    rollback(transaction);
                    return null;
                }
            }
        } catch (SQLException | RuntimeException e) {
            log.warn(
                    "a batch of {} bulk lines could not be stored together ({}); each line runs on its own",
                    lines.size(),
                    e.toString());
            rollback(transaction);
            return null;
        }
        try {
            transactions.commit(transaction);
            return results;
        } catch (RuntimeException e) {
            log.warn(
                    "a batch of {} bulk lines could not be committed ({}); each line runs on its own",
                    lines.size(),
                    e.toString());
            return null;
        }
    }

    private void rollback(TransactionStatus transaction) {
        try {
            transactions.rollback(transaction);
        } catch (RuntimeException e) {
            log.warn("rolling back a batch of bulk lines failed: {}", e.toString());
        }
    }
}
