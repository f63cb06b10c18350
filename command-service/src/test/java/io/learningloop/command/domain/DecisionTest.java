package io.learningloop.command.domain;

import static io.learningloop.command.domain.Steps.decision;
import static io.learningloop.command.domain.Steps.outcome;
import static io.learningloop.command.domain.Steps.stamp;

import io.learningloop.command.commands.MakeDecisionCommand;
import io.learningloop.command.commands.StepAccepted;
import java.time.Instant;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DecisionTest {

    private final InMemoryLoopReferences references = new InMemoryLoopReferences();
    private AggregateTestFixture<Decision> fixture;

    @BeforeEach
    void setUp() {
        fixture = Steps.fixture(Decision.class);
        fixture.registerInjectableResource(references);
        fixture.registerInjectableResource(Steps.DEADLINES);
    }

    @Test
    void decisionIsMade() {
        MakeDecisionCommand command = decision("d-1", "2025-03-01T10:00:00Z");
        fixture.givenNoPriorActivity()
                .when(command)
                .expectEvents(command.toEvent(command.stamp()))
                .expectResultMessagePayload(StepAccepted.recorded("d-1", "e-d-1"));
    }

    @Test
    void sameDecisionPostedAgainIsAnsweredWithTheOriginalEventAndStoresNothing() {
        MakeDecisionCommand original = decision("d-1", "2025-03-01T10:00:00Z");
        MakeDecisionCommand retry = new MakeDecisionCommand(
                "d-1",
                stamp("e-retry"),
                original.provenance(),
                original.title(),
                original.category(),
                original.expectedOutcome(),
                original.confidence(),
                original.reviewBy(),
                original.informedByLessonIds(),
                original.checkInDates(),
                original.leadingIndicators(),
                original.uncertainties());
        fixture.given(original.toEvent(original.stamp()))
                .when(retry)
                .expectNoEvents()
                .expectResultMessagePayload(StepAccepted.repeated("d-1", "e-d-1"));
    }

    @Test
    void decisionIdReusedForOtherContentIsAConflict() {
        MakeDecisionCommand original = decision("d-1", "2025-03-01T10:00:00Z");
        MakeDecisionCommand other = new MakeDecisionCommand(
                "d-1",
                stamp("e-other"),
                original.provenance(),
                "Another title",
                original.category(),
                original.expectedOutcome(),
                original.confidence(),
                original.reviewBy(),
                original.informedByLessonIds(),
                original.checkInDates(),
                original.leadingIndicators(),
                original.uncertainties());
        fixture.given(original.toEvent(original.stamp()))
                .when(other)
                .expectNoEvents()
                .expectException(ConflictingStepException.class);
    }

    @Test
    void decisionCannotTakeTheIdOfALesson() {
        references.lesson("x-1", Instant.parse("2025-01-01T00:00:00Z"));
        fixture.givenNoPriorActivity()
                .when(decision("x-1", "2025-03-01T10:00:00Z"))
                .expectNoEvents()
                .expectException(ConflictingStepException.class)
                .expectExceptionMessage("id 'x-1' is already used by a lesson, so it cannot name a decision");
    }

    /**
     * The lookup knows the id as a decision, yet no decision loaded: another request is creating it
     * right now (two instances, one step posted to both). Answered "retry", whose load then finds it.
     */
    @Test
    void aDecisionBeingCreatedAtTheSameMomentIsAConcurrentCreationNotAConflict() {
        references.decision("x-2", Instant.parse("2025-03-01T10:00:00Z"));
        fixture.givenNoPriorActivity()
                .when(decision("x-2", "2025-03-01T10:00:00Z"))
                .expectNoEvents()
                .expectException(AggregateStreamCreationException.class);
    }

    @Test
    void reviewByDateBeforeTheDecisionIsRejected() {
        MakeDecisionCommand late = decision("d-1", "2025-07-15T10:00:00Z");
        fixture.givenNoPriorActivity().when(late).expectNoEvents().expectException(LoopRuleViolationException.class);
    }

    @Test
    void decisionMayCiteEarlierLessonsThatInformedIt() {
        references.lesson("l-1", Instant.parse("2024-11-01T00:00:00Z"), "d-0");
        MakeDecisionCommand command = decision("d-1", "2025-03-01T10:00:00Z", "l-1");
        fixture.givenNoPriorActivity().when(command).expectEvents(command.toEvent(command.stamp()));
    }

    @Test
    void decisionCitingAnUnknownLessonIsRejected() {
        fixture.givenNoPriorActivity()
                .when(decision("d-1", "2025-03-01T10:00:00Z", "l-missing"))
                .expectNoEvents()
                .expectException(UnknownReferenceException.class)
                .expectExceptionMessage("no lesson with id 'l-missing'");
    }

    @Test
    void decisionCannotBeInformedByALessonRecordedAfterIt() {
        references.lesson("l-later", Instant.parse("2025-04-01T00:00:00Z"), "d-0");
        fixture.givenNoPriorActivity()
                .when(decision("d-1", "2025-03-01T10:00:00Z", "l-later"))
                .expectNoEvents()
                .expectException(LoopRuleViolationException.class);
    }

    @Test
    void outcomeIsObservedAndTakesTheDecisionsOrgUnitWhenNoneIsGiven() {
        MakeDecisionCommand made = decision("d-1", "2025-03-01T10:00:00Z");
        var observe = outcome("d-1", "2025-05-01T10:00:00Z");
        fixture.given(made.toEvent(made.stamp()))
                .when(observe)
                .expectEvents(observe.toEvent(observe.stamp(), "acme/eng/platform"))
                .expectResultMessagePayload(StepAccepted.recorded("d-1", "e-outcome-d-1"));
    }

    @Test
    void outcomeCannotOccurBeforeItsDecision() {
        MakeDecisionCommand made = decision("d-1", "2025-03-01T10:00:00Z");
        fixture.given(made.toEvent(made.stamp()))
                .when(outcome("d-1", "2025-02-28T10:00:00Z"))
                .expectNoEvents()
                .expectException(LoopRuleViolationException.class)
                .expectExceptionMessage("an outcome cannot occur before its decision, made at 2025-03-01T10:00:00Z");
    }

    @Test
    void outcomeAtTheMomentOfTheDecisionIsAccepted() {
        MakeDecisionCommand made = decision("d-1", "2025-03-01T10:00:00Z");
        var observe = outcome("d-1", "2025-03-01T10:00:00Z");
        fixture.given(made.toEvent(made.stamp()))
                .when(observe)
                .expectEvents(observe.toEvent(observe.stamp(), "acme/eng/platform"));
    }

    @Test
    void secondDifferentOutcomeIsAConflict() {
        MakeDecisionCommand made = decision("d-1", "2025-03-01T10:00:00Z");
        var first = outcome("d-1", "2025-05-01T10:00:00Z");
        fixture.given(made.toEvent(made.stamp()), first.toEvent(first.stamp(), "acme/eng/platform"))
                .when(outcome("d-1", "2025-06-01T10:00:00Z"))
                .expectNoEvents()
                .expectException(ConflictingStepException.class);
    }

    @Test
    void sameOutcomePostedAgainIsARepeat() {
        MakeDecisionCommand made = decision("d-1", "2025-03-01T10:00:00Z");
        var first = outcome("d-1", "2025-05-01T10:00:00Z");
        fixture.given(made.toEvent(made.stamp()), first.toEvent(first.stamp(), "acme/eng/platform"))
                .when(outcome("d-1", "2025-05-01T10:00:00Z"))
                .expectNoEvents()
                .expectResultMessagePayload(StepAccepted.repeated("d-1", "e-outcome-d-1"));
    }

    @Test
    void reviewByOnTheDayOfTheDecisionIsAccepted() {
        // Steps.decision reviews by 2025-06-30: the same (UTC) day as this decision.
        MakeDecisionCommand base = decision("d-1", "2025-06-30T23:00:00Z");
        fixture.givenNoPriorActivity().when(base).expectEvents(base.toEvent(base.stamp()));
    }
}
