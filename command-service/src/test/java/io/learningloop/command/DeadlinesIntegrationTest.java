package io.learningloop.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.learningloop.command.commands.AssignActionCommand;
import io.learningloop.command.commands.CompleteActionCommand;
import io.learningloop.command.commands.HoldReviewCommand;
import io.learningloop.command.commands.MakeDecisionCommand;
import io.learningloop.command.commands.Provenance;
import io.learningloop.command.commands.Stamp;
import io.learningloop.command.commands.Writer;
import io.learningloop.contract.events.DecisionCategory;
import io.learningloop.contract.events.ReviewKind;
import io.learningloop.contract.events.RootCause;
import io.learningloop.testsupport.LocalStack;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Overdue actions appear without any tool posting them: the due date is a persistent deadline in
 * PostgreSQL (db-scheduler), which fires and records ActionOverdue by itself.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"db-scheduler.polling-interval=1s", "learning-loop.deadlines.backfill-grace=PT2S"})
class DeadlinesIntegrationTest {

    static final String SCHEMA = LocalStack.uniqueName("it_");

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry properties) {
        CommandServiceTestProperties.register(
                properties, SCHEMA, LocalStack.uniqueName("it-events-"), LocalStack.kafkaBootstrap());
    }

    @Autowired
    CommandGateway commands;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    /** Every command names its key, as the HTTP layer's do: one covering acme, where these steps lie. */
    private static final Writer TOOL = new Writer("deadlines-it", "deadlines test", List.of("acme"));

    private <R> R send(Object command) {
        return commands.sendAndWait(
                GenericCommandMessage.asCommandMessage(command).andMetaData(TOOL.metaData()));
    }

    @Test
    void actionLeftOpenPastItsDueDateIsRecordedOverdueByThePlatform() {
        Provenance tool = new Provenance("acme/eng", Instant.parse("2024-01-10T10:00:00Z"), "backfill", "u-1");
        send(new MakeDecisionCommand(
                "dl-d-1",
                Stamp.fresh(clock),
                tool,
                "Decision",
                DecisionCategory.PRODUCT,
                "It works",
                0.6,
                LocalDate.parse("2024-06-01"),
                List.of(),
                List.of(),
                List.of(),
                List.of()));
        Provenance later = new Provenance("acme/eng", Instant.parse("2024-03-01T10:00:00Z"), "backfill", "u-1");
        send(new HoldReviewCommand(
                "dl-r-1",
                Stamp.fresh(clock),
                later,
                List.of("dl-d-1"),
                ReviewKind.RETROSPECTIVE,
                List.of(new RootCause("process", "No check-in held")),
                false,
                true,
                4));
        send(new AssignActionCommand(
                "dl-a-1",
                Stamp.fresh(clock),
                later,
                "dl-r-1",
                "u-owner",
                LocalDate.parse("2024-03-15"),
                "Hold the check-ins"));

        assertThat(pendingDeadlinesOf("dl-a-1")).isEqualTo(1L);
        String overdue = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> jdbc.queryForList(
                                "select convert_from(payload, 'UTF8') from domain_event_entry"
                                        + " where aggregate_identifier = 'dl-a-1' and payload_type like '%ActionOverdueEvent'",
                                String.class),
                        events -> events.size() == 1)
                .get(0);
        assertThat(overdue)
                .contains("\"occurredAt\":\"2024-03-16T00:00:00Z\"")
                .contains("\"dueDate\":\"2024-03-15\"")
                .contains("\"sourceTool\":\"learning-loop\"");
        // db-scheduler removes a one-time task after it ran, in its own transaction.
        await().atMost(Duration.ofSeconds(10)).until(() -> pendingDeadlinesOf("dl-a-1") == 0L);
    }

    @Test
    void plannedCheckInNotHeldIsRecordedMissedByThePlatform() {
        Provenance tool = new Provenance("acme/eng", Instant.parse("2024-05-10T10:00:00Z"), "backfill", "u-1");
        send(new MakeDecisionCommand(
                "dl-d-2",
                Stamp.fresh(clock),
                tool,
                "Decision",
                DecisionCategory.PRODUCT,
                "It works",
                0.6,
                LocalDate.parse("2024-09-01"),
                List.of(),
                List.of(LocalDate.parse("2024-06-01")),
                List.of("errors-per-day"),
                List.of()));

        String missed = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> jdbc.queryForList(
                                "select convert_from(payload, 'UTF8') from domain_event_entry"
                                        + " where aggregate_identifier = 'dl-d-2' and payload_type like '%CheckInMissedEvent'",
                                String.class),
                        events -> events.size() == 1)
                .get(0);
        assertThat(missed)
                .contains("\"scheduledFor\":\"2024-06-01\"")
                .contains("\"eventId\":\"dl-d-2:check-in:2024-06-01\"");
    }

    /**
     * Ending one action cancels its own due-date deadline only: Axon's {@code cancelAll} would cancel the
     * deadline of that name for every aggregate, and other actions would never become overdue.
     */
    @Test
    void completingOneActionLeavesTheDueDatesOfOthersAwaited() {
        Provenance tool = new Provenance("acme/eng", Instant.parse("2024-01-10T10:00:00Z"), "backfill", "u-1");
        send(new MakeDecisionCommand(
                "dl-d-3",
                Stamp.fresh(clock),
                tool,
                "Decision",
                DecisionCategory.PRODUCT,
                "It works",
                0.6,
                LocalDate.parse("2024-06-01"),
                List.of(),
                List.of(),
                List.of(),
                List.of()));
        send(new HoldReviewCommand(
                "dl-r-3",
                Stamp.fresh(clock),
                tool,
                List.of("dl-d-3"),
                ReviewKind.RETROSPECTIVE,
                List.of(new RootCause("process", "No owner")),
                false,
                true,
                4));
        LocalDate farAhead = LocalDate.now(clock).plusYears(1);
        send(new AssignActionCommand("dl-a-3", Stamp.fresh(clock), tool, "dl-r-3", "u-owner", farAhead, "First"));
        send(new AssignActionCommand("dl-a-4", Stamp.fresh(clock), tool, "dl-r-3", "u-owner", farAhead, "Second"));
        assertThat(pendingDeadlinesOf("dl-a-3")).isEqualTo(1L);
        assertThat(pendingDeadlinesOf("dl-a-4")).isEqualTo(1L);
        // Each is indexed by its aggregate, so that ending one cancels it by id (IndexedDeadlineManager).
        assertThat(indexedDeadlinesOf("dl-a-3")).isEqualTo(1L);

        send(new CompleteActionCommand(
                "dl-a-3",
                Stamp.fresh(clock),
                new Provenance(null, Instant.parse("2024-02-01T10:00:00Z"), "tracker", "u-owner"),
                "Done"));

        assertThat(pendingDeadlinesOf("dl-a-3")).isZero();
        assertThat(indexedDeadlinesOf("dl-a-3")).isZero();
        assertThat(pendingDeadlinesOf("dl-a-4")).isEqualTo(1L);
        assertThat(indexedDeadlinesOf("dl-a-4")).isEqualTo(1L);
    }

    private long indexedDeadlinesOf(String aggregateId) {
        return jdbc.queryForObject(
                "select count(*) from deadline_schedule where scope like ?", Long.class, "%[" + aggregateId + "]%");
    }

    /** Deadlines stored for an aggregate: its id appears in the task's serialized scope. */
    private long pendingDeadlinesOf(String aggregateId) {
        return jdbc.queryForObject(
                "select count(*) from scheduled_tasks" + " where position(convert_to(?, 'UTF8') in task_data) > 0",
                Long.class,
                aggregateId);
    }
}
