package io.learningloop.command.deadlines;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.serialization.Serializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The db-scheduler deadline manager as Axon's auto-configuration builds it (its task looks that bean
 * up by class, to fire deadlines), and the indexed one that command handlers are given.
 */
@Configuration(proxyBeanMethods = false)
class DeadlineConfiguration {

    @Bean
    DbSchedulerDeadlineManager dbSchedulerDeadlineManager(
            Scheduler scheduler,
            org.axonframework.config.Configuration axon,
            Serializer serializer,
            TransactionManager transactions,
            DeadlineManagerSpanFactory spans) {
        // The scheduler's lifecycle is db-scheduler's Spring starter's, as in Axon's auto-configuration.
        return DbSchedulerDeadlineManager.builder()
                .scheduler(scheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(axon))
                .serializer(serializer)
                .transactionManager(transactions)
                .spanFactory(spans)
                .startScheduler(false)
                .stopScheduler(false)
                .build();
    }

    @Bean
    @Primary
    DeadlineManager deadlineManager(DbSchedulerDeadlineManager scheduler, JdbcTemplate jdbc) {
        return new IndexedDeadlineManager(scheduler, jdbc);
    }
}
