package io.learningloop.command.domain;

import static io.learningloop.command.domain.Steps.RECORDED;
import static io.learningloop.command.domain.Steps.at;
import static io.learningloop.command.domain.Steps.correction;
import static io.learningloop.command.domain.Steps.decision;
import static io.learningloop.command.domain.Steps.decisionAmended;
import static io.learningloop.command.domain.Steps.outcome;
import static io.learningloop.command.domain.Steps.stamp;

import io.learningloop.command.commands.AmendDecisionCommand;
import io.learningloop.command.commands.AmendOutcomeCommand;
import io.learningloop.command.commands.MakeDecisionCommand;
import io.learningloop.command.commands.ObserveOutcomeCommand;
import io.learningloop.command.commands.Provenance;
import io.learningloop.command.commands.RetractDecisionCommand;
import io.learningloop.command.commands.RetractOutcomeCommand;
import io.learningloop.command.commands.StepAccepted;
import io.learningloop.contract.events.Assessment;
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

/** Amending and retracting a decision and its outcome. */
class DecisionCorrectionTest {

    private static final MakeDecisionCommand MADE = decision("d-1", "2025-03-01T10:00:00Z");
    private static final DecisionMadeEvent POSTED = MADE.toEvent(MADE.stamp());
    private static final ObserveOutcomeCommand OBSERVED = outcome("d-1", "2025-04-01T10:00:00Z");
    private static final OutcomeObservedEvent OUTCOME = OBSERVED.toEvent(OBSERVED.stamp(), "acme/eng/platform");

    private final InMemoryLoopReferences references = new InMemoryLoopReferences();
    private AggregateTestFixture<Decision> fixture;

    @BeforeEach
    void setUp() {
        fixture = Steps.fixture(Decision.class);
        fixture.registerInjectableResource(references);
        fixture.registerInjectableResource(Steps.DEADLINES);
    }

    /** The decision as corrected: the original's event id and recordedAt, the corrected content. */
    private static DecisionMadeEvent corrected(String occurredAt, double confidence) {
        return decisionAmended("d-1", occurredAt, confidence).toEvent(MADE.stamp());
    }

    private static StepAmendedEvent amendment(String eventId, DecisionMadeEvent correction) {
        return new StepAmendedEvent(
                eventId,
                "d-1",
                "acme/eng/platform",
                RECORDED,
                RECORDED,
                "fix-tool",
                "u-0815",
                "typed into the wrong field",
                "2",
                correction);
    }

    private static AmendDecisionCommand amend(String eventId, String occurredAt, double confidence) {
        return new AmendDecisionCommand("d-1", correction(eventId), decisionAmended("d-1", occurredAt, confidence));
    }

    private static StepRetractedEvent retraction(String eventId, String retractedEventId, String type, Instant at) {
        return new StepRetractedEvent(
                eventId,
                "d-1",
                "acme/eng/platform",
                at,
                at,
                "fix-tool",
                "u-0815",
                "typed into the wrong field",
                retractedEventId,
                type,
                List.of("d-1"),
                List.of());
    }

    @Test
    void amendedDecisionIsTheDecisionAsItShouldHaveBeenWithTheOriginalStamp() {
        fixture.given(POSTED)
                .when(amend("e-fix", "2025-03-02T10:00:00Z", 0.4))
                .expectEvents(amendment("e-fix", corrected("2025-03-02T10:00:00Z", 0.4)))
                .expectResultMessagePayload(StepAccepted.recorded("d-1", "e-fix"));
    }

    @Test
    void sameAmendmentAgainChangesNothingAndAnswersWithTheAmendment() {
        fixture.given(POSTED, amendment("e-fix", corrected("2025-03-02T10:00:00Z", 0.4)))
                .when(amend("e-again", "2025-03-02T10:00:00Z", 0.4))
                .expectNoEvents()
                .expectResultMessagePayload(StepAccepted.repeated("d-1", "e-fix"));
    }

    @Test
    void theOriginalPostedAgainAfterAnAmendmentIsStillARepeat() {
        fixture.given(POSTED, amendment("e-fix", corrected("2025-03-02T10:00:00Z", 0.4)))
                .when(decision("d-1", "2025-03-01T10:00:00Z"))
                .expectNoEvents()
                .expectResultMessagePayload(StepAccepted.repeated("d-1", "e-d-1"));
    }

    @Test
    void amendmentCannotChangeTheLessonsADecisionCites() {
        references.lesson("l-1", Instant.parse("2025-01-01T10:00:00Z"), "d-0");
        fixture.given(POSTED)
                .when(new AmendDecisionCommand(
                        "d-1", correction("e-fix"), decisionAmended("d-1", "2025-03-01T10:00:00Z", 0.7, "l-1")))
                .expectNoEvents()
                .expectException(LoopRuleViolationException.class)
                .expectExceptionMessage("cannot be amended (was []); retract the step and post it anew");
    }

    @Test
    void amendmentIsValidatedLikeTheDecisionItself() {
        MakeDecisionCommand reviewByBeforeDecision = new MakeDecisionCommand(
                "d-1",
                stamp("e-x"),
                at("2025-07-01T10:00:00Z"),
                "Move billing to the new queue",
                DecisionCategory.OPERATIONS,
                "Fewer failed invoices",
                0.7,
                LocalDate.parse("2025-06-30"),
                List.of(),
                List.of(),
                List.of(),
                List.of());
        fixture.given(POSTED)
                .when(new AmendDecisionCommand("d-1", correction("e-fix"), reviewByBeforeDecision))
                .expectNoEvents()
                .expectException(LoopRuleViolationException.class)
                .expectExceptionMessage("the review-by date cannot lie before the decision");
    }

    @Test
    void amendedDecisionCannotMoveAfterItsOutcome() {
        fixture.given(POSTED, OUTCOME)
                .when(amend("e-fix", "2025-04-02T10:00:00Z", 0.7))
                .expectNoEvents()
                .expectException(LoopRuleViolationException.class)
                .expectExceptionMessage("the decision cannot move after its observed outcome, at 2025-04-01T10:00:00Z");
    }

    @Test
    void amendedDecisionCannotMoveAfterALessonThatBuildsOnIt() {
        references.dependent("d-1", "lesson", "l-1", Instant.parse("2025-03-20T10:00:00Z"));
        fixture.given(POSTED)
                .when(amend("e-fix", "2025-03-21T10:00:00Z", 0.7))
                .expectNoEvents()
                .expectException(LoopRuleViolationException.class)
                .expectExceptionMessage(
                        "the decision cannot move after lesson 'l-1' that builds on it, at" + " 2025-03-20T10:00:00Z");
    }

    @Test
    void decisionIsNotRetractedWhileOtherStepsBuildOnIt() {
        references
                .dependent("d-1", "lesson", "l-1", Instant.parse("2025-03-20T10:00:00Z"))
                .dependent("d-1", "review", "r-1", Instant.parse("2025-03-10T10:00:00Z"));
        fixture.given(POSTED)
                .when(new RetractDecisionCommand("d-1", correction("e-x")))
                .expectNoEvents()
                .expectException(ConflictingStepException.class)
                .expectExceptionMessage("decision 'd-1' cannot be retracted while lesson 'l-1', review 'r-1' build on"
                        + " it: retract those first");
    }

    @Test
    void retractedDecisionNoLongerAwaitsItsCheckInsAndTakesNoFurtherStep() {
        MakeDecisionCommand withCheckIns = new MakeDecisionCommand(
                "d-1",
                stamp("e-d-1"),
                at("2025-12-01T10:00:00Z"),
                "Move billing",
                DecisionCategory.OPERATIONS,
                "Fewer failed invoices",
                0.7,
                LocalDate.parse("2026-06-30"),
                List.of(),
                List.of(LocalDate.parse("2026-02-01")),
                List.of("failed-invoices"),
                List.of());
        fixture.givenCurrentTime(RECORDED)
                .andGivenCommands(withCheckIns)
                .when(new RetractDecisionCommand("d-1", correction("e-x")))
                .expectEvents(retraction("e-x", "e-d-1", "DecisionMade", RECORDED))
                .expectResultMessagePayload(StepAccepted.recorded("d-1", "e-x"))
                .expectNoScheduledDeadlines();

        fixture.given(POSTED, retraction("e-x", "e-d-1", "DecisionMade", RECORDED))
                .when(outcome("d-1", "2025-04-01T10:00:00Z"))
                .expectNoEvents()
                .expectException(ConflictingStepException.class)
                .expectExceptionMessage(
                        "decision 'd-1' was retracted (typed into the wrong field); it takes no" + " further steps");
    }

    @Test
    void retractingAgainAnswersWithTheFirstRetraction() {
        fixture.given(POSTED, retraction("e-x", "e-d-1", "DecisionMade", RECORDED))
                .when(new RetractDecisionCommand("d-1", correction("e-y")))
                .expectNoEvents()
                .expectResultMessagePayload(StepAccepted.repeated("d-1", "e-x"));
    }

    @Test
    void outcomeIsAmendedWithinTheRulesOfAnOutcome() {
        ObserveOutcomeCommand better = new ObserveOutcomeCommand(
                "d-1",
                stamp("e-ignored"),
                new Provenance(null, Instant.parse("2025-04-02T10:00:00Z"), "retro-tool", "u-4711"),
                Assessment.AS_EXPECTED,
                "Failures moved, not vanished",
                ReportedBy.OTHERS);
        OutcomeObservedEvent correction = better.toEvent(OBSERVED.stamp(), "acme/eng/platform");
        fixture.given(POSTED, OUTCOME)
                .when(new AmendOutcomeCommand("d-1", correction("e-fix"), better))
                .expectEvents(new StepAmendedEvent(
                        "e-fix",
                        "d-1",
                        "acme/eng/platform",
                        RECORDED,
                        RECORDED,
                        "fix-tool",
                        "u-0815",
                        "typed into the wrong field",
                        "2",
                        correction));

        fixture.given(POSTED, OUTCOME)
                .when(new AmendOutcomeCommand("d-1", correction("e-fix"), outcome("d-1", "2025-02-01T10:00:00Z")))
                .expectNoEvents()
                .expectException(LoopRuleViolationException.class);
    }

    @Test
    void decisionWithoutOutcomeHasNoOutcomeToAmendOrRetract() {
        fixture.given(POSTED)
                .when(new RetractOutcomeCommand("d-1", correction("e-x")))
                .expectNoEvents()
                .expectException(UnknownReferenceException.class)
                .expectExceptionMessage("no outcome of a decision with id 'd-1'");
    }

    @Test
    void retractedOutcomeLeavesRoomForTheRealOneAndPostedAgainIsARepeat() {
        StepRetractedEvent retracted = retraction("e-x", "e-outcome-d-1", "OutcomeObserved", RECORDED);
        fixture.given(POSTED, OUTCOME)
                .when(new RetractOutcomeCommand("d-1", correction("e-x")))
                .expectEvents(retracted);

        fixture.given(POSTED, OUTCOME, retracted)
                .when(outcome("d-1", "2025-04-01T10:00:00Z"))
                .expectNoEvents()
                .expectResultMessagePayload(StepAccepted.repeated("d-1", "e-outcome-d-1"));

        ObserveOutcomeCommand real = new ObserveOutcomeCommand(
                "d-1",
                stamp("e-real"),
                new Provenance(null, Instant.parse("2025-05-01T10:00:00Z"), "retro-tool", "u-4711"),
                Assessment.FAILED,
                "It failed",
                ReportedBy.DECISION_OWNER);
        fixture.given(POSTED, OUTCOME, retracted)
                .when(real)
                .expectEvents(real.toEvent(real.stamp(), "acme/eng/platform"));

        fixture.given(POSTED, OUTCOME, retracted, real.toEvent(real.stamp(), "acme/eng/platform"))
                .when(outcome("d-1", "2025-04-01T10:00:00Z"))
                .expectNoEvents()
                .expectResultMessagePayload(StepAccepted.repeated("d-1", "e-outcome-d-1"));

        fixture.given(POSTED, OUTCOME, retracted)
                .when(new RetractOutcomeCommand("d-1", correction("e-y")))
                .expectNoEvents()
                .expectResultMessagePayload(StepAccepted.repeated("d-1", "e-x"));
    }

    /** A backfill file posted again: the outcome's amendment repeats, though the outcome was retracted since. */
    @Test
    void sameOutcomeAmendmentAfterTheOutcomeWasRetractedIsStillARepeat() {
        ObserveOutcomeCommand later = outcome("d-1", "2025-04-05T10:00:00Z");
        StepAmendedEvent amended = new StepAmendedEvent(
                "e-fix",
                "d-1",
                "acme/eng/platform",
                RECORDED,
                RECORDED,
                "fix-tool",
                "u-0815",
                "typed into the wrong field",
                "2",
                later.toEvent(OBSERVED.stamp(), "acme/eng/platform"));
        fixture.given(POSTED, OUTCOME, amended, retraction("e-x", "e-outcome-d-1", "OutcomeObserved", RECORDED))
                .when(new AmendOutcomeCommand("d-1", correction("e-again"), later))
                .expectNoEvents()
                .expectResultMessagePayload(StepAccepted.repeated("d-1", "e-fix"));
    }
}
