package io.learningloop.command.store;

import org.springframework.boot.autoconfigure.transaction.TransactionManagerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.JpaTransactionManager;

@Configuration(proxyBeanMethods = false)
class TransactionConfiguration {

    /**
     * A bulk import runs many commands in one transaction, each line under its own savepoint
     * ({@code http.LineBatches}): a refused line rolls back to its savepoint, and the lines before and
     * after it commit together. Axon's unit of work of a refused command participates in that
     * transaction and rolls "it" back; by Spring's default that would doom the whole transaction
     * (global rollback-only). Here it leaves the decision to the transaction's owner, which rolls back
     * the line's savepoint. Everywhere else the owner is Axon's own unit of work, which rolls back
     * whenever a participant's exception reaches it, so nothing changes there. A failure Hibernate itself
     * marks rollback-only (a flush that failed) still dooms the transaction, and the import falls back to
     * one transaction per line.
     */
    @Bean
    TransactionManagerCustomizer<JpaTransactionManager> savepointsDecideForBulkImports() {
        return transactions -> transactions.setGlobalRollbackOnParticipationFailure(false);
    }
}
