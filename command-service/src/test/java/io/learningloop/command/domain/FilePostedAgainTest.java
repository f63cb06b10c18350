package io.learningloop.command.domain;

import static io.learningloop.command.domain.Steps.RECORDED;
import static io.learningloop.command.domain.Steps.correction;
import static io.learningloop.command.domain.Steps.decision;
import static io.learningloop.command.domain.Steps.decisionAmended;
import static io.learningloop.command.domain.Steps.outcome;
import static io.learningloop.command.domain.Steps.stamp;

import io.learningloop.command.commands.AmendDecisionCommand;
import io.learningloop.command.commands.Correction;
import io.learningloop.command.commands.HoldCheckInCommand;
import io.learningloop.command.commands.MakeDecisionCommand;
import io.learningloop.command.commands.ObserveOutcomeCommand;
import io.learningloop.command.commands.Provenance;
import io.learningloop.command.commands.RetractDecisionCommand;
import io.learningloop.command.commands.RetractOutcomeCommand;
import io.learningloop.command.commands.StepAccepted;
import io.learningloop.contract.events.Assessment;
import io.learningloop.contract.events.CheckInHeldEvent;
import io.learningloop.contract.events.DecisionCategory;
import io.learningloop.contract.events.DecisionMadeEvent;
import io.learningloop.contract.events.OutcomeObservedEvent;
import io.learningloop.contract.events.ReportedBy;
import io.learningloop.contract.events.StepAmendedEvent;
import io.learningloop.contract.events.StepRetractedEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A backfill file posted again changes nothing, whatever its lines did the first time: every line is
 * answered as a repeat with the event it repeats. Each test gives the events the file's first post
 * stored, then posts one of its lines again.
 */
class FilePostedAgainTest {

    private static final MakeDecisionCommand MADE = decision("d-1", "2025-03-01T10:00:00Z");
    private static final DecisionMadeEvent POSTED = MADE.toEvent(MADE.stamp());
    private static final ObserveOutcomeCommand FIRST_OUTCOME = outcome("d-1", "2025-04-01T10:00:00Z");
    private static final OutcomeObservedEvent FIRST = FIRST_OUTCOME.toEvent(FIRST_OUTCOME.stamp(), "acme/eng/platform");
    private static final ObserveOutcomeCommand REAL_OUTCOME = new ObserveOutcomeCommand(
            "d-1",
            stamp("e-real"),
            new Provenance(null, Instant.parse("2025-05-01T10:00:00Z"), "retro-tool", "u-4711"),
            Assessment.FAILED,
            "It failed",
            ReportedBy.DECISION_OWNER);
    private static final OutcomeObservedEvent REAL = REAL_OUTCOME.toEvent(REAL_OUTCOME.stamp(), "acme/eng/platform");
    private static final StepRetractedEvent FIRST_RETRACTED = new StepRetractedEvent(
            "e-x",
            "d-1",
            "acme/eng/platform",
            RECORDED,
            RECORDED,
            "fix-tool",
            "u-0815",
            "typed into the wrong field",
            "e-outcome-d-1",
            "OutcomeObserved",
            List.of("d-1"),
            List.of());

    private AggregateTestFixture<Decision> fixture;

    @BeforeEach
    void setUp() {
        fixture = Steps.fixture(Decision.class);
        fixture.registerInjectableResource(new InMemoryLoopReferences());
        fixture.registerInjectableResource(Steps.DEADLINES);
    }

    private static StepAmendedEvent amendment(String eventId, String reason, DecisionMadeEvent correction) {
        return new StepAmendedEvent(
                eventId,
                "d-1",
                correction.orgUnit(),
                RECORDED,
                RECORDED,
                "fix-tool",
                "u-0815",
                reason,
                "2",
                correction);
    }

    private static AmendDecisionCommand amend(String eventId, String reason, double confidence) {
        return new AmendDecisionCommand(
                "d-1",
                new Correction(stamp(eventId), "fix-tool", "u-0815", reason),
                decisionAmended("d-1", "2025-03-01T10:00:00Z", confidence));
    }

    private static DecisionMadeEvent withConfidence(double confidence) {
        return decisionAmended("d-1", "2025-03-01T10:00:00Z", confidence).toEvent(MADE.stamp());
    }

    /** The file retracts an outcome, then posts the real one: its retraction line must not retract the real one. */
    @Test
    void retractionOfAnOutcomeObservedAnewSinceIsARepeat() {
        fixture.given(POSTED, FIRST, FIRST_RETRACTED, REAL)
                .when(new RetractOutcomeCommand("d-1", correction("e-again")))
                .expectNoEvents()
                .expectResultMessagePayload(StepAccepted.repeated("d-1", "e-x"));
    }

    /** Another corrector, or the same one with another reason, does retract the new outcome. */
    @Test
    void aRetractionWithAnotherReasonRetractsTheOutcomeObservedAnew() {
        Correction anotherReason = new Correction(stamp("e-y"), "fix-tool", "u-0815", "the real one was wrong too");
        fixture.given(POSTED, FIRST, FIRST_RETRACTED, REAL)
                .when(new RetractOutcomeCommand("d-1", anotherReason))
                .expectEvents(new StepRetractedEvent(
                        "e-y",
                        "d-1",
                        "acme/eng/platform",
                        RECORDED,
                        RECORDED,
                        "fix-tool",
                        "u-0815",
                        "the real one was wrong too",
                        "e-real",
                        "OutcomeObserved",
                        List.of("d-1"),
                        List.of()))
                .expectResultMessagePayload(StepAccepted.recorded("d-1", "e-y"));
    }

    /** The file amends twice: posting the first amendment again must not swap the decision back. */
    @Test
    void anEarlierAmendmentPostedAgainIsARepeatOfThatAmendment() {
        fixture.given(
                        POSTED,
                        amendment("e-fix-1", "first fix", withConfidence(0.5)),
                        amendment("e-fix-2", "second fix", withConfidence(0.4)))
                .when(amend("e-again", "first fix", 0.5))
                .expectNoEvents()
                .expectResultMessagePayload(StepAccepted.repeated("d-1", "e-fix-1"));
    }

    /** Going back to an earlier reading on purpose is a new amendment: its reason tells it from a repeat. */
    @Test
    void anAmendmentBackToAnEarlierReadingWithItsOwnReasonIsRecorded() {
        fixture.given(
                        POSTED,
                        amendment("e-fix-1", "first fix", withConfidence(0.5)),
                        amendment("e-fix-2", "second fix", withConfidence(0.4)))
                .when(amend("e-fix-3", "the first fix was right", 0.5))
                .expectEvents(amendment("e-fix-3", "the first fix was right", withConfidence(0.5)))
                .expectResultMessagePayload(StepAccepted.recorded("d-1", "e-fix-3"));
    }

    /** After the decision was retracted, the file's amendments still repeat instead of being refused. */
    @Test
    void amendmentsOfARetractedDecisionPostedAgainAreRepeats() {
        StepRetractedEvent retracted = new StepRetractedEvent(
                "e-r",
                "d-1",
                "acme/eng/platform",
                RECORDED,
                RECORDED,
                "fix-tool",
                "u-0815",
                "posted twice",
                "e-d-1",
                "DecisionMade",
                List.of("d-1"),
                List.of());
        fixture.given(
                        POSTED,
                        amendment("e-fix-1", "first fix", withConfidence(0.5)),
                        amendment("e-fix-2", "second fix", withConfidence(0.4)),
                        retracted)
                .when(amend("e-again", "first fix", 0.5))
                .expectNoEvents()
                .expectResultMessagePayload(StepAccepted.repeated("d-1", "e-fix-1"));
        fixture.given(POSTED, amendment("e-fix-1", "first fix", withConfidence(0.5)), retracted)
                .when(new RetractDecisionCommand(
                        "d-1", new Correction(stamp("e-again"), "fix-tool", "u-0815", "posted twice")))
                .expectNoEvents()
                .expectResultMessagePayload(StepAccepted.repeated("d-1", "e-r"));
    }

    /**
     * The file posts an outcome and a check-in without an org unit (they take the decision's), then moves
     * the decision to another unit: posted again, they still read as they were recorded.
     */
    @Test
    void stepsThatTookTheDecisionsUnitRepeatAfterTheDecisionMoved() {
        MakeDecisionCommand withCheckIn = new MakeDecisionCommand(
                "d-1",
                stamp("e-d-1"),
                Steps.at("2025-03-01T10:00:00Z"),
                "Move billing",
                DecisionCategory.OPERATIONS,
                "Fewer failed invoices",
                0.7,
                LocalDate.parse("2025-06-30"),
                List.of(),
                List.of(LocalDate.parse("2025-03-15")),
                List.of(),
                List.of());
        DecisionMadeEvent made = withCheckIn.toEvent(withCheckIn.stamp());
        HoldCheckInCommand checkIn = new HoldCheckInCommand(
                "d-1",
                stamp("e-check-in"),
                new Provenance(null, Instant.parse("2025-03-15T10:00:00Z"), "retro-tool", "u-4711"),
                LocalDate.parse("2025-03-15"),
                List.of(),
                true);
        CheckInHeldEvent held = checkIn.toEvent(checkIn.stamp(), "acme/eng/platform");
        MakeDecisionCommand moved = new MakeDecisionCommand(
                "d-1",
                stamp("e-moved"),
                new Provenance("acme/eng/mobile", Instant.parse("2025-03-01T10:00:00Z"), "retro-tool", "u-4711"),
                "Move billing",
                DecisionCategory.OPERATIONS,
                "Fewer failed invoices",
                0.7,
                LocalDate.parse("2025-06-30"),
                List.of(),
                List.of(LocalDate.parse("2025-03-15")),
                List.of(),
                List.of());
        StepAmendedEvent move = new StepAmendedEvent(
                "e-move",
                "d-1",
                "acme/eng/mobile",
                RECORDED,
                RECORDED,
                "fix-tool",
                "u-0815",
                "wrong team",
                "2",
                moved.toEvent(withCheckIn.stamp()));

        fixture.given(made, held, FIRST, move)
                .when(outcome("d-1", "2025-04-01T10:00:00Z"))
                .expectNoEvents()
                .expectResultMessagePayload(StepAccepted.repeated("d-1", "e-outcome-d-1"));
        fixture.given(made, held, FIRST, move)
                .when(checkIn)
                .expectNoEvents()
                .expectResultMessagePayload(StepAccepted.repeated("d-1", "e-check-in"));
        // A step posted only now takes the unit the decision has now.
        fixture.given(made, move)
                .when(outcome("d-1", "2025-04-01T10:00:00Z"))
                .expectEvents(FIRST_OUTCOME.toEvent(FIRST_OUTCOME.stamp(), "acme/eng/mobile"));
    }
}
