package io.learningloop.command.domain;

import static io.learningloop.command.domain.Steps.RECORDED;
import static io.learningloop.command.domain.Steps.at;
import static io.learningloop.command.domain.Steps.behaviorChange;
import static io.learningloop.command.domain.Steps.correction;
import static io.learningloop.command.domain.Steps.stamp;

import io.learningloop.command.commands.AmendBehaviorChangeCommand;
import io.learningloop.command.commands.AmendReviewCommand;
import io.learningloop.command.commands.HoldReviewCommand;
import io.learningloop.command.commands.RecordBehaviorChangeCommand;
import io.learningloop.command.commands.RetractBehaviorChangeCommand;
import io.learningloop.command.commands.RetractReviewCommand;
import io.learningloop.command.commands.StepAccepted;
import io.learningloop.contract.events.BehaviorChangedEvent;
import io.learningloop.contract.events.ReviewHeldEvent;
import io.learningloop.contract.events.ReviewKind;
import io.learningloop.contract.events.RootCause;
import io.learningloop.contract.events.StepAmendedEvent;
import io.learningloop.contract.events.StepRetractedEvent;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

/** Amending and retracting reviews and behaviour changes: steps with a single event. */
class ReviewAndBehaviorChangeCorrectionTest {

    private final InMemoryLoopReferences references = new InMemoryLoopReferences()
            .decision("d-1", Instant.parse("2025-03-01T10:00:00Z"))
            .lesson("l-1", Instant.parse("2025-06-01T10:00:00Z"), "d-1")
            .decision("d-2", Instant.parse("2025-09-01T10:00:00Z"));

    private AggregateTestFixture<Review> reviews() {
        AggregateTestFixture<Review> fixture = Steps.fixture(Review.class);
        fixture.registerInjectableResource(references);
        fixture.registerInjectableResource(RootCauseThemes.standardPlus(List.of()));
        return fixture;
    }

    private AggregateTestFixture<BehaviorChange> changes() {
        AggregateTestFixture<BehaviorChange> fixture = Steps.fixture(BehaviorChange.class);
        fixture.registerInjectableResource(references);
        return fixture;
    }

    private static HoldReviewCommand review(String occurredAt, boolean blameless, String... decisionIds) {
        return new HoldReviewCommand(
                "r-1",
                stamp("e-r-1"),
                at(occurredAt),
                List.of(decisionIds),
                ReviewKind.POST_MORTEM,
                List.of(new RootCause("ownership", "Nobody owned it")),
                true,
                blameless,
                5);
    }

    @Test
    void reviewIsAmendedButKeepsItsDecisions() {
        HoldReviewCommand held = review("2025-04-01T10:00:00Z", false, "d-1");
        HoldReviewCommand corrected = review("2025-04-01T10:00:00Z", true, "d-1");
        ReviewHeldEvent correction = corrected.toEvent(held.stamp());
        reviews()
                .given(held.toEvent(held.stamp()))
                .when(new AmendReviewCommand("r-1", correction("e-fix"), corrected))
                .expectEvents(new StepAmendedEvent(
                        "e-fix",
                        "r-1",
                        "acme/eng/platform",
                        RECORDED,
                        RECORDED,
                        "fix-tool",
                        "u-0815",
                        "typed into the wrong field",
                        "1",
                        correction));

        reviews()
                .given(held.toEvent(held.stamp()))
                .when(new AmendReviewCommand("r-1", correction("e-fix"), review("2025-10-01T10:00:00Z", false, "d-2")))
                .expectNoEvents()
                .expectException(LoopRuleViolationException.class)
                .expectExceptionMessage("cannot be amended (was [d-1]); retract the step and post it anew");
    }

    @Test
    void reviewWithAnActionIsNotRetractedAndWithoutIsRetractedOnce() {
        HoldReviewCommand held = review("2025-04-01T10:00:00Z", true, "d-1");
        references.dependent("r-1", "action", "a-1", Instant.parse("2025-04-01T10:00:00Z"));
        reviews()
                .given(held.toEvent(held.stamp()))
                .when(new RetractReviewCommand("r-1", correction("e-x")))
                .expectNoEvents()
                .expectException(ConflictingStepException.class);

        AggregateTestFixture<Review> withoutAction = Steps.fixture(Review.class);
        withoutAction.registerInjectableResource(new InMemoryLoopReferences());
        StepRetractedEvent retracted = new StepRetractedEvent(
                "e-x",
                "r-1",
                "acme/eng/platform",
                RECORDED,
                RECORDED,
                "fix-tool",
                "u-0815",
                "typed into the wrong field",
                "e-r-1",
                "ReviewHeld",
                List.of("d-1"),
                List.of());
        withoutAction
                .given(held.toEvent(held.stamp()))
                .when(new RetractReviewCommand("r-1", correction("e-x")))
                .expectEvents(retracted);
        withoutAction
                .given(held.toEvent(held.stamp()), retracted)
                .when(new RetractReviewCommand("r-1", correction("e-y")))
                .expectNoEvents()
                .expectResultMessagePayload(StepAccepted.repeated("r-1", "e-x"));
    }

    @Test
    void behaviourChangeIsAmendedWithinItsRulesButKeepsItsLessonsAndDecision() {
        RecordBehaviorChangeCommand recorded = behaviorChange("bc-1", "2025-09-02T10:00:00Z", "d-2", "l-1");
        BehaviorChangedEvent posted = recorded.toEvent(recorded.stamp(), List.of("d-1"));
        RecordBehaviorChangeCommand later = behaviorChange("bc-1", "2025-09-05T10:00:00Z", "d-2", "l-1");
        changes()
                .given(posted)
                .when(new AmendBehaviorChangeCommand("bc-1", correction("e-fix"), later))
                .expectEvents(new StepAmendedEvent(
                        "e-fix",
                        "bc-1",
                        "acme/eng/platform",
                        RECORDED,
                        RECORDED,
                        "fix-tool",
                        "u-0815",
                        "typed into the wrong field",
                        "1",
                        later.toEvent(recorded.stamp(), List.of("d-1"))));

        changes()
                .given(posted)
                .when(new AmendBehaviorChangeCommand(
                        "bc-1", correction("e-fix"), behaviorChange("bc-1", "2025-08-01T10:00:00Z", "d-2", "l-1")))
                .expectNoEvents()
                .expectException(LoopRuleViolationException.class)
                .expectExceptionMessage("a behaviour change cannot occur before the decision that shows it, made at"
                        + " 2025-09-01T10:00:00Z");

        references.decision("d-3", Instant.parse("2025-10-01T10:00:00Z"));
        changes()
                .given(posted)
                .when(new AmendBehaviorChangeCommand(
                        "bc-1", correction("e-fix"), behaviorChange("bc-1", "2025-10-02T10:00:00Z", "d-3", "l-1")))
                .expectNoEvents()
                .expectException(LoopRuleViolationException.class)
                .expectExceptionMessage("cannot be amended (was d-2); retract the step and post it anew");
    }

    @Test
    void retractedBehaviourChangeNamesItsLessonsSoTheyCountAsUnconvertedAgain() {
        RecordBehaviorChangeCommand recorded = behaviorChange("bc-1", "2025-09-02T10:00:00Z", "d-2", "l-1");
        BehaviorChangedEvent posted = recorded.toEvent(recorded.stamp(), List.of("d-1"));
        changes()
                .given(posted)
                .when(new RetractBehaviorChangeCommand("bc-1", correction("e-x")))
                .expectEvents(new StepRetractedEvent(
                        "e-x",
                        "bc-1",
                        "acme/eng/platform",
                        RECORDED,
                        RECORDED,
                        "fix-tool",
                        "u-0815",
                        "typed into the wrong field",
                        "e-bc-1",
                        "BehaviorChanged",
                        posted.decisionsConcerned(),
                        List.of("l-1")))
                .expectResultMessagePayload(StepAccepted.recorded("bc-1", "e-x"));
    }
}
