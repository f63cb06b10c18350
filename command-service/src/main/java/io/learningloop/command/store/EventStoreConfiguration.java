package io.learningloop.command.store;

import java.util.stream.Stream;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.util.RegisterDefaultEntities;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The JPA event store as Axon's auto-configuration builds it (the same serializers, upcasters, snapshot
 * filter and exception resolver), but cleaning the gaps of tracking tokens from the second gap on.
 *
 * <p>Why: a tracking token that holds a gap (the global index of a transaction that never committed:
 * every kill of the command service mid-request leaves some, so does a create that lost a race) makes
 * each fetch of the Kafka publisher {@code WHERE globalIndex > :token OR globalIndex IN :gaps ORDER BY
 * globalIndex LIMIT n}, which PostgreSQL answers by walking the primary key from the first event:
 * measured on 300,000 events, 625 ms against 0.1 ms without the gap, growing with the table. Axon
 * drops a gap when it reads an event older than {@code gapTimeout} (60 s) after it, i.e. only once
 * the publisher lags a minute behind, when the token is {@code maxGapOffset} (10,000) events past it,
 * or, when the token holds more than {@code gapCleaningThreshold} (default 250) gaps, at the next
 * fetch once the events after it are older than {@code gapTimeout}. So a publisher slowed by a gap,
 * but less than a minute behind, stayed slow for up to 10,000 events (issue 13: a restarted command
 * service published ~17 events/s while 45/s were posted). With the threshold at 1 (the least Axon
 * admits: two gaps or more), gaps leave the token a minute after they arose, however far behind the
 * publisher is. {@code gapTimeout} itself stays 60 s, so an event committed late (a transaction is
 * bounded by the statement, lock and socket timeouts) is still not skipped; a single gap is still
 * kept as before, and lowering {@code maxGapOffset} instead would skip late commits under a bulk
 * import's rate. The cleaning is one range query over the events since the first gap, per fetch,
 * while gaps are held.
 */
@Configuration(proxyBeanMethods = false)
// With this bean Axon's JpaEventStoreAutoConfiguration steps back, and with it its registration of the
// event store's entities (DomainEventEntry, SnapshotEventEntry): registered here as there.
@RegisterDefaultEntities(packages = "org.axonframework.eventsourcing.eventstore.jpa")
class EventStoreConfiguration {

    static final int GAP_CLEANING_THRESHOLD = 1;

    @Bean
    EventStorageEngine eventStorageEngine(
            Serializer defaultSerializer,
            PersistenceExceptionResolver persistenceExceptionResolver,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            org.axonframework.config.Configuration configuration,
            EntityManagerProvider entityManagerProvider,
            TransactionManager transactionManager) {
        return new WithoutSnapshots(JpaEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .entityManagerProvider(entityManagerProvider)
                .transactionManager(transactionManager)
                .gapCleaningThreshold(GAP_CLEANING_THRESHOLD));
    }

    /**
     * No snapshot is ever written (no snapshotter is configured, and the service's role may not insert
     * into {@code snapshot_event_entry}: V6), yet Axon looks for one on every aggregate load: one query
     * per command for nothing (issue 10). Configuring a snapshotter means removing this.
     */
    static final class WithoutSnapshots extends JpaEventStorageEngine {

        WithoutSnapshots(Builder builder) {
            super(builder);
        }

        @Override
        protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
            return Stream.empty();
        }
    }
}
