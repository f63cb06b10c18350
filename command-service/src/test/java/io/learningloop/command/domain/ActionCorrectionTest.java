package io.learningloop.command.domain;

import static io.learningloop.command.domain.Steps.RECORDED;
import static io.learningloop.command.domain.Steps.correction;
import static io.learningloop.command.domain.Steps.stamp;

import io.learningloop.command.commands.AmendActionCommand;
import io.learningloop.command.commands.AssignActionCommand;
import io.learningloop.command.commands.CompleteActionCommand;
import io.learningloop.command.commands.Provenance;
import io.learningloop.command.commands.RetractActionCommand;
import io.learningloop.command.commands.StepAccepted;
import io.learningloop.contract.events.ActionAssignedEvent;
import io.learningloop.contract.events.StepAmendedEvent;
import io.learningloop.contract.events.StepRetractedEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Amending and retracting an action, and what that does to its due-date deadline. */
class ActionCorrectionTest {

    private static final Instant DUE_END = Instant.parse("2026-02-16T00:00:00Z");
    private static final Instant LATER_DUE_END = Instant.parse("2026-03-02T00:00:00Z");

    private final InMemoryLoopReferences references =
            new InMemoryLoopReferences().review("r-1", Instant.parse("2026-01-10T10:00:00Z"), "d-1");
    private AggregateTestFixture<Action> fixture;

    @BeforeEach
    void setUp() {
        fixture = Steps.fixture(Action.class);
        fixture.registerInjectableResource(references);
        fixture.registerInjectableResource(Steps.DEADLINES);
    }

    private static AssignActionCommand assign(String reviewId, String dueDate, String owner) {
        return new AssignActionCommand(
                "a-1",
                stamp("e-a-1"),
                new Provenance("acme/eng", Instant.parse("2026-01-12T10:00:00Z"), "retro-tool", "u-1"),
                reviewId,
                owner,
                LocalDate.parse(dueDate),
                "Name an owner for the queue");
    }

    private static ActionAssignedEvent corrected(String dueDate, String owner) {
        return assign("r-1", dueDate, owner).toEvent(stamp("e-a-1"), List.of("d-1"));
    }

    /** A file completes an action, then moves it to another unit: the completion posted again is a repeat. */
    @Test
    void completionPostedAgainAfterTheActionMovedIsARepeat() {
        AssignActionCommand moved = new AssignActionCommand(
                "a-1",
                stamp("e-moved"),
                new Provenance("acme/sales", Instant.parse("2026-01-12T10:00:00Z"), "retro-tool", "u-1"),
                "r-1",
                "u-owner",
                LocalDate.parse("2026-02-15"),
                "Name an owner for the queue");
        CompleteActionCommand complete = new CompleteActionCommand(
                "a-1",
                stamp("e-done"),
                new Provenance(null, Instant.parse("2026-02-01T10:00:00Z"), "tracker", "u-owner"),
                "Owner named");
        fixture.given(
                        corrected("2026-02-15", "u-owner"),
                        complete.toEvent(complete.stamp(), "acme/eng", List.of("d-1")),
                        new StepAmendedEvent(
                                "e-move",
                                "a-1",
                                "acme/sales",
                                RECORDED,
                                RECORDED,
                                "fix-tool",
                                "u-0815",
                                "wrong team",
                                "1",
                                moved.toEvent(stamp("e-a-1"), List.of("d-1"))))
                .when(complete)
                .expectNoEvents()
                .expectResultMessagePayload(StepAccepted.repeated("a-1", "e-done"));
    }

    @Test
    void newDueDateOfAnOpenActionIsAwaitedInsteadOfTheOldOne() {
        fixture.givenCurrentTime(RECORDED)
                .andGivenCommands(assign("r-1", "2026-02-15", "u-owner"))
                .when(new AmendActionCommand("a-1", correction("e-fix"), assign("r-1", "2026-03-01", "u-owner")))
                .expectEvents(new StepAmendedEvent(
                        "e-fix",
                        "a-1",
                        "acme/eng",
                        RECORDED,
                        RECORDED,
                        "fix-tool",
                        "u-0815",
                        "typed into the wrong field",
                        "1",
                        corrected("2026-03-01", "u-owner")))
                .expectScheduledDeadline(LATER_DUE_END, new OverdueCheck(LATER_DUE_END, LATER_DUE_END))
                .expectNoScheduledDeadline(DUE_END, new OverdueCheck(DUE_END, DUE_END));
    }

    @Test
    void dueDateOfAnEndedActionStays() {
        CompleteActionCommand complete = new CompleteActionCommand(
                "a-1",
                stamp("e-done"),
                new Provenance(null, Instant.parse("2026-02-01T10:00:00Z"), "tracker", "u-owner"),
                "Owner named");
        fixture.givenCurrentTime(RECORDED)
                .andGivenCommands(assign("r-1", "2026-02-15", "u-owner"), complete)
                .when(new AmendActionCommand("a-1", correction("e-fix"), assign("r-1", "2026-03-01", "u-owner")))
                .expectNoEvents()
                .expectException(LoopRuleViolationException.class)
                .expectExceptionMessage("cannot be amended once the action has ended (was 2026-02-15)");
    }

    @Test
    void ownerOfAnEndedActionCanStillBeCorrectedButNotItsReview() {
        CompleteActionCommand complete = new CompleteActionCommand(
                "a-1",
                stamp("e-done"),
                new Provenance(null, Instant.parse("2026-02-01T10:00:00Z"), "tracker", "u-owner"),
                "Owner named");
        fixture.givenCurrentTime(RECORDED)
                .andGivenCommands(assign("r-1", "2026-02-15", "u-owner"), complete)
                .when(new AmendActionCommand("a-1", correction("e-fix"), assign("r-1", "2026-02-15", "u-other")))
                .expectEvents(new StepAmendedEvent(
                        "e-fix",
                        "a-1",
                        "acme/eng",
                        RECORDED,
                        RECORDED,
                        "fix-tool",
                        "u-0815",
                        "typed into the wrong field",
                        "1",
                        corrected("2026-02-15", "u-other")));

        references.review("r-2", Instant.parse("2026-01-10T10:00:00Z"), "d-2");
        fixture.givenCurrentTime(RECORDED)
                .andGivenCommands(assign("r-1", "2026-02-15", "u-owner"))
                .when(new AmendActionCommand("a-1", correction("e-fix"), assign("r-2", "2026-02-15", "u-owner")))
                .expectNoEvents()
                .expectException(LoopRuleViolationException.class)
                .expectExceptionMessage("cannot be amended (was r-1); retract the step and post it anew");
    }

    @Test
    void retractedActionIsNeverDeclaredOverdue() {
        fixture.givenCurrentTime(RECORDED)
                .andGivenCommands(assign("r-1", "2026-02-15", "u-owner"))
                .when(new RetractActionCommand("a-1", correction("e-x")))
                .expectEvents(new StepRetractedEvent(
                        "e-x",
                        "a-1",
                        "acme/eng",
                        RECORDED,
                        RECORDED,
                        "fix-tool",
                        "u-0815",
                        "typed into the wrong field",
                        "e-a-1",
                        "ActionAssigned",
                        List.of("d-1"),
                        List.of()))
                .expectNoScheduledDeadlines();
    }
}
