package io.learningloop.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.learningloop.testsupport.LocalStack;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The event store drops old gaps of a tracking token at once, as after a crash of the command service
 * (transactions that took a global index and never committed), instead of keeping them, and so a slow
 * fetch per batch, until 10,000 more events have passed. Against the local stack's PostgreSQL.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        // The probe events are no Learning Loop events: nothing to publish.
        properties = "axon.kafka.publisher.enabled=false")
class EventStoreGapsIntegrationTest {

    static final String SCHEMA = LocalStack.uniqueName("it_");
    static final String TOPIC = LocalStack.uniqueName("it-events-");

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry properties) {
        CommandServiceTestProperties.register(properties, SCHEMA, TOPIC, LocalStack.kafkaBootstrap());
    }

    @Autowired
    EventStorageEngine storage;

    @Autowired
    TransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void oldGapsLeaveAStoredTokenAtTheNextFetch() {
        assertThat(storage).isInstanceOf(JpaEventStorageEngine.class);
        // Two minutes ago, beyond the 60 s gap timeout: the events of a service that crashed then.
        Instant then = Clock.systemUTC().instant().minus(Duration.ofMinutes(2));
        append("gap-a", then);
        long afterFirst = lastIndex();
        // Two transactions that took an index each and died with the service.
        jdbc.queryForObject("select nextval('domain_event_entry_seq')", Long.class);
        jdbc.queryForObject("select nextval('domain_event_entry_seq')", Long.class);
        append("gap-b", then.plusSeconds(1));
        append("gap-c", then.plusSeconds(2));

        // The token as the publisher stored it while these events were young (a gap is kept then).
        GapAwareTrackingToken withGaps =
                GapAwareTrackingToken.newInstance(lastIndex(), List.of(afterFirst + 1, afterFirst + 2));
        append("gap-d", Clock.systemUTC().instant());

        GapAwareTrackingToken next = (GapAwareTrackingToken) lastToken(withGaps);

        // Axon's default (gaps cleaned only above 250 of them) still holds both here: gap-d is young.
        assertThat(next.getGaps()).isEmpty();
        assertThat(next.getIndex()).isEqualTo(lastIndex());
    }

    private void append(String aggregateId, Instant at) {
        transactions.executeInTransaction(() -> storage.appendEvents(new GenericDomainEventMessage<>(
                "GapProbe", aggregateId, 0, new Probe(aggregateId), MetaData.emptyInstance(), "e-" + aggregateId, at)));
    }

    /** The token after the last event read from {@code from}, or {@code from} when none. */
    private Object lastToken(GapAwareTrackingToken from) {
        return transactions.fetchInTransaction(() -> {
            try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(from, false)) {
                return events.map(TrackedEventMessage::trackingToken)
                        .reduce((first, second) -> second)
                        .orElse(from);
            }
        });
    }

    private long lastIndex() {
        return jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
    }

    /** A payload the event serializer (Jackson) writes and reads. */
    public record Probe(String id) {}
}
