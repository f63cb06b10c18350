package io.learningloop.command.domain;

import static io.learningloop.command.domain.Steps.RECORDED;
import static io.learningloop.command.domain.Steps.stamp;

import io.learningloop.command.commands.AssignActionCommand;
import io.learningloop.command.commands.CompleteActionCommand;
import io.learningloop.command.commands.DropActionCommand;
import io.learningloop.command.commands.Provenance;
import io.learningloop.command.commands.StepAccepted;
import io.learningloop.contract.events.ActionAssignedEvent;
import io.learningloop.contract.events.ActionCompletedEvent;
import io.learningloop.contract.events.ActionDroppedEvent;
import io.learningloop.contract.events.ActionOverdueEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ActionTest {

    /** Assigned 2026-01-12 (after the review), due 2026-02-15: the deadline is the end of that day. */
    private static final Instant DUE_END = Instant.parse("2026-02-16T00:00:00Z");

    private final InMemoryLoopReferences references =
            new InMemoryLoopReferences().review("r-1", Instant.parse("2026-01-10T10:00:00Z"), "d-1", "d-2");
    private AggregateTestFixture<Action> fixture;

    @BeforeEach
    void setUp() {
        fixture = Steps.fixture(Action.class);
        fixture.registerInjectableResource(references);
        fixture.registerInjectableResource(Steps.DEADLINES);
    }

    private static AssignActionCommand assign(String occurredAt, String dueDate) {
        return new AssignActionCommand(
                "a-1",
                stamp("e-a-1"),
                new Provenance("acme/eng", Instant.parse(occurredAt), "retro-tool", "u-1"),
                "r-1",
                "u-owner",
                LocalDate.parse(dueDate),
                "Name an owner for the queue");
    }

    private static ActionAssignedEvent assigned() {
        AssignActionCommand command = assign("2026-01-12T10:00:00Z", "2026-02-15");
        return command.toEvent(command.stamp(), List.of("d-1", "d-2"));
    }

    private static Provenance by(String occurredAt) {
        return new Provenance(null, Instant.parse(occurredAt), "tracker", "u-owner");
    }

    @Test
    void assignedActionCarriesTheReviewsDecisionsAndSchedulesItsDueDate() {
        fixture.givenCurrentTime(RECORDED)
                .andGivenCommands()
                .when(assign("2026-01-12T10:00:00Z", "2026-02-15"))
                .expectEvents(assigned())
                .expectResultMessagePayload(StepAccepted.recorded("a-1", "e-a-1"))
                .expectScheduledDeadline(DUE_END, new OverdueCheck(DUE_END, DUE_END));
    }

    @Test
    void actionStillOpenAfterItsDueDateBecomesOverdueByItself() {
        fixture.givenCurrentTime(RECORDED)
                .andGivenCommands(assign("2026-01-12T10:00:00Z", "2026-02-15"))
                .whenThenTimeAdvancesTo(DUE_END.plusSeconds(1))
                .expectDeadlinesMet(new OverdueCheck(DUE_END, DUE_END))
                .expectEvents(new ActionOverdueEvent(
                        "a-1:overdue",
                        "a-1",
                        "acme/eng",
                        DUE_END,
                        DUE_END,
                        "learning-loop",
                        "learning-loop",
                        List.of("d-1", "d-2"),
                        LocalDate.parse("2026-02-15")));
    }

    /** A backfill posts a late completion before the deadline fires: overdue first, then completed (late). */
    @Test
    void actionEndedAfterItsDueDateIsRecordedOverdueFirst() {
        CompleteActionCommand late =
                new CompleteActionCommand("a-1", stamp("e-done"), by("2026-02-16T00:00:00Z"), "Owner named, late");
        fixture.given(assigned())
                .when(late)
                .expectEvents(
                        new ActionOverdueEvent(
                                "a-1:overdue",
                                "a-1",
                                "acme/eng",
                                DUE_END,
                                RECORDED,
                                "learning-loop",
                                "learning-loop",
                                List.of("d-1", "d-2"),
                                LocalDate.parse("2026-02-15")),
                        new ActionCompletedEvent(
                                "e-done",
                                "a-1",
                                "acme/eng",
                                Instant.parse("2026-02-16T00:00:00Z"),
                                RECORDED,
                                "tracker",
                                "u-owner",
                                List.of("d-1", "d-2"),
                                "Owner named, late"));

        DropActionCommand onTheDueDate =
                new DropActionCommand("a-1", stamp("e-drop"), by("2026-02-15T23:59:59Z"), "Superseded");
        fixture.given(assigned())
                .when(onTheDueDate)
                .expectEvents(new ActionDroppedEvent(
                        "e-drop",
                        "a-1",
                        "acme/eng",
                        Instant.parse("2026-02-15T23:59:59Z"),
                        RECORDED,
                        "tracker",
                        "u-owner",
                        List.of("d-1", "d-2"),
                        "Superseded"));
    }

    @Test
    void completedActionIsNeverDeclaredOverdue() {
        CompleteActionCommand complete =
                new CompleteActionCommand("a-1", stamp("e-done"), by("2026-02-01T10:00:00Z"), "Owner named");
        fixture.givenCurrentTime(RECORDED)
                .andGivenCommands(assign("2026-01-12T10:00:00Z", "2026-02-15"), complete)
                .whenThenTimeAdvancesTo(DUE_END.plusSeconds(1))
                .expectNoScheduledDeadlines()
                .expectNoEvents();
    }

    @Test
    void completionIsRecordedWithTheActionsOrgUnitAndDecisions() {
        fixture.given(assigned())
                .when(new CompleteActionCommand("a-1", stamp("e-done"), by("2026-02-01T10:00:00Z"), "Owner named"))
                .expectEvents(new ActionCompletedEvent(
                        "e-done",
                        "a-1",
                        "acme/eng",
                        Instant.parse("2026-02-01T10:00:00Z"),
                        RECORDED,
                        "tracker",
                        "u-owner",
                        List.of("d-1", "d-2"),
                        "Owner named"));
    }

    @Test
    void overdueActionCanStillBeCompletedLate() {
        fixture.given(
                        assigned(),
                        new ActionOverdueEvent(
                                "a-1:overdue",
                                "a-1",
                                "acme/eng",
                                DUE_END,
                                DUE_END,
                                "learning-loop",
                                "learning-loop",
                                List.of("d-1", "d-2"),
                                LocalDate.parse("2026-02-15")))
                .when(new CompleteActionCommand("a-1", stamp("e-late"), by("2026-03-01T10:00:00Z"), "Late"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ActionCompletedEvent(
                        "e-late",
                        "a-1",
                        "acme/eng",
                        Instant.parse("2026-03-01T10:00:00Z"),
                        RECORDED,
                        "tracker",
                        "u-owner",
                        List.of("d-1", "d-2"),
                        "Late"));
    }

    @Test
    void droppedActionCannotBeCompleted() {
        fixture.given(
                        assigned(),
                        new ActionDroppedEvent(
                                "e-drop",
                                "a-1",
                                "acme/eng",
                                Instant.parse("2026-01-20T10:00:00Z"),
                                RECORDED,
                                "tracker",
                                "u-owner",
                                List.of("d-1", "d-2"),
                                "Superseded by the platform migration"))
                .when(new CompleteActionCommand("a-1", stamp("e-done"), by("2026-02-01T10:00:00Z"), "Owner named"))
                .expectNoEvents()
                .expectException(ConflictingStepException.class)
                .expectExceptionMessage("action 'a-1' has already ended (dropped)");
    }

    @Test
    void sameCompletionPostedAgainIsARepeat() {
        fixture.given(
                        assigned(),
                        new ActionCompletedEvent(
                                "e-done",
                                "a-1",
                                "acme/eng",
                                Instant.parse("2026-02-01T10:00:00Z"),
                                RECORDED,
                                "tracker",
                                "u-owner",
                                List.of("d-1", "d-2"),
                                "Owner named"))
                .when(new CompleteActionCommand("a-1", stamp("e-retry"), by("2026-02-01T10:00:00Z"), "Owner named"))
                .expectNoEvents()
                .expectResultMessagePayload(StepAccepted.repeated("a-1", "e-done"));
    }

    @Test
    void actionCannotEndBeforeItWasAssigned() {
        fixture.given(assigned())
                .when(new DropActionCommand("a-1", stamp("e-drop"), by("2026-01-11T10:00:00Z"), "Changed plans"))
                .expectNoEvents()
                .expectException(LoopRuleViolationException.class);
    }

    @Test
    void actionNeedsAnExistingReview() {
        AssignActionCommand orphan = new AssignActionCommand(
                "a-2",
                stamp("e-a-2"),
                new Provenance("acme/eng", Instant.parse("2026-01-12T10:00:00Z"), "retro-tool", "u-1"),
                "r-404",
                "u-owner",
                LocalDate.parse("2026-02-15"),
                "x");
        fixture.givenNoPriorActivity()
                .when(orphan)
                .expectNoEvents()
                .expectException(UnknownReferenceException.class)
                .expectExceptionMessage("no review with id 'r-404'");
    }

    @Test
    void actionCannotBeDueBeforeItWasAssigned() {
        fixture.givenNoPriorActivity()
                .when(assign("2026-01-12T10:00:00Z", "2026-01-11"))
                .expectNoEvents()
                .expectException(LoopRuleViolationException.class);
    }

    @Test
    void backfilledActionWhoseDueDatePassedLongAgoIsCheckedOnlyAfterTheGracePeriod() {
        AssignActionCommand old = new AssignActionCommand(
                "a-1",
                stamp("e-a-1"),
                new Provenance("acme/eng", Instant.parse("2023-01-12T10:00:00Z"), "backfill", "u-1"),
                "r-old",
                "u-owner",
                LocalDate.parse("2023-02-15"),
                "x");
        references.review("r-old", Instant.parse("2023-01-10T10:00:00Z"), "d-9");
        Instant dueEnd = Instant.parse("2023-02-16T00:00:00Z");
        Instant afterGrace = RECORDED.plus(Duration.ofHours(1));
        fixture.givenCurrentTime(RECORDED)
                .andGivenCommands()
                .when(old)
                .expectScheduledDeadline(afterGrace, new OverdueCheck(dueEnd, afterGrace));
    }
}
