package io.learningloop.command.domain;

import static io.learningloop.command.domain.Steps.RECORDED;
import static io.learningloop.command.domain.Steps.correction;
import static io.learningloop.command.domain.Steps.lesson;
import static io.learningloop.command.domain.Steps.lessonFromReviews;

import io.learningloop.command.commands.AmendLessonCommand;
import io.learningloop.command.commands.Provenance;
import io.learningloop.command.commands.RecordLessonCommand;
import io.learningloop.command.commands.RetractLessonCommand;
import io.learningloop.command.commands.ShareLessonCommand;
import io.learningloop.command.commands.StepAccepted;
import io.learningloop.contract.events.LessonRecordedEvent;
import io.learningloop.contract.events.LessonSharedEvent;
import io.learningloop.contract.events.StepAmendedEvent;
import io.learningloop.contract.events.StepRetractedEvent;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Amending and retracting a lesson. */
class LessonCorrectionTest {

    private static final RecordLessonCommand RECORD = lesson("l-1", "2025-06-01T10:00:00Z", "d-1");
    private static final LessonRecordedEvent POSTED = RECORD.toEvent(RECORD.stamp(), List.of("d-1"));

    private final InMemoryLoopReferences references = new InMemoryLoopReferences()
            .decision("d-1", Instant.parse("2025-03-01T10:00:00Z"))
            .decision("d-2", Instant.parse("2025-04-01T10:00:00Z"));
    private AggregateTestFixture<Lesson> fixture;

    @BeforeEach
    void setUp() {
        fixture = Steps.fixture(Lesson.class);
        fixture.registerInjectableResource(references);
        fixture.registerInjectableResource(RootCauseThemes.standardPlus(List.of()));
    }

    @Test
    void amendedLessonKeepsItsStampAndTakesTheCorrectedThemesAndTime() {
        RecordLessonCommand corrected =
                lessonFromReviews("l-1", "2025-06-02T10:00:00Z", List.of("d-1"), List.of(), "ownership", "process");
        LessonRecordedEvent correction = corrected.toEvent(RECORD.stamp(), List.of("d-1"));
        fixture.given(POSTED)
                .when(new AmendLessonCommand("l-1", correction("e-fix"), corrected))
                .expectEvents(new StepAmendedEvent(
                        "e-fix",
                        "l-1",
                        "acme/eng/platform",
                        RECORDED,
                        RECORDED,
                        "fix-tool",
                        "u-0815",
                        "typed into the wrong field",
                        "2",
                        correction))
                .expectResultMessagePayload(StepAccepted.recorded("l-1", "e-fix"));
    }

    @Test
    void amendmentCannotChangeTheDecisionsALessonComesFrom() {
        fixture.given(POSTED)
                .when(new AmendLessonCommand("l-1", correction("e-fix"), lesson("l-1", "2025-06-01T10:00:00Z", "d-2")))
                .expectNoEvents()
                .expectException(LoopRuleViolationException.class)
                .expectExceptionMessage("cannot be amended (was [d-1]); retract the step and post it anew");
    }

    @Test
    void amendedLessonCannotMoveBeforeItsDecisionNorAfterADecisionItInformed() {
        fixture.given(POSTED)
                .when(new AmendLessonCommand("l-1", correction("e-fix"), lesson("l-1", "2025-02-01T10:00:00Z", "d-1")))
                .expectNoEvents()
                .expectException(LoopRuleViolationException.class)
                .expectExceptionMessage("a lesson cannot be drawn before decision 'd-1' it comes from, made at"
                        + " 2025-03-01T10:00:00Z");

        references.dependent("l-1", "decision", "d-9", Instant.parse("2025-07-01T10:00:00Z"));
        fixture.given(POSTED)
                .when(new AmendLessonCommand("l-1", correction("e-fix"), lesson("l-1", "2025-08-01T10:00:00Z", "d-1")))
                .expectNoEvents()
                .expectException(LoopRuleViolationException.class)
                .expectExceptionMessage(
                        "the lesson cannot move after decision 'd-9' that builds on it, at" + " 2025-07-01T10:00:00Z");
    }

    @Test
    void amendedLessonCannotMoveAfterItWasShared() {
        LessonSharedEvent shared = new LessonSharedEvent(
                "e-s-1",
                "l-1",
                "acme/eng/platform",
                Instant.parse("2025-06-10T10:00:00Z"),
                RECORDED,
                "wiki",
                "u-1",
                List.of("d-1"),
                "acme/eng/data");
        fixture.given(POSTED, shared)
                .when(new AmendLessonCommand("l-1", correction("e-fix"), lesson("l-1", "2025-06-11T10:00:00Z", "d-1")))
                .expectNoEvents()
                .expectException(LoopRuleViolationException.class)
                .expectExceptionMessage("the lesson cannot move after its first sharing, at 2025-06-10T10:00:00Z");
    }

    /** A decision that names the lesson in {@code informedByLessonIds} builds on it, as a behaviour change does. */
    @Test
    void lessonALaterDecisionNamesAsInformingItIsNotRetracted() {
        references.dependent("l-1", "decision", "d-9", Instant.parse("2025-07-01T10:00:00Z"));
        fixture.given(POSTED)
                .when(new RetractLessonCommand("l-1", correction("e-x")))
                .expectNoEvents()
                .expectException(ConflictingStepException.class)
                .expectExceptionMessage(
                        "lesson 'l-1' cannot be retracted while decision 'd-9' build on it:" + " retract those first");
    }

    @Test
    void lessonCitedByABehaviourChangeIsNotRetracted() {
        references.dependent("l-1", "behaviour change", "bc-1", Instant.parse("2025-09-01T10:00:00Z"));
        fixture.given(POSTED)
                .when(new RetractLessonCommand("l-1", correction("e-x")))
                .expectNoEvents()
                .expectException(ConflictingStepException.class)
                .expectExceptionMessage("lesson 'l-1' cannot be retracted while behaviour change 'bc-1' build on it:"
                        + " retract those first");
    }

    @Test
    void retractedLessonIsNoLongerSharedNorAmendedAndPostedAgainIsARepeat() {
        StepRetractedEvent retracted = new StepRetractedEvent(
                "e-x",
                "l-1",
                "acme/eng/platform",
                RECORDED,
                RECORDED,
                "fix-tool",
                "u-0815",
                "typed into the wrong field",
                "e-l-1",
                "LessonRecorded",
                List.of("d-1"),
                List.of("l-1"));
        fixture.given(POSTED)
                .when(new RetractLessonCommand("l-1", correction("e-x")))
                .expectEvents(retracted);

        fixture.given(POSTED, retracted)
                .when(new ShareLessonCommand(
                        "l-1",
                        Steps.stamp("e-s"),
                        new Provenance(null, Instant.parse("2025-07-01T10:00:00Z"), "wiki", "u-1"),
                        "acme/eng/data"))
                .expectNoEvents()
                .expectException(ConflictingStepException.class);

        fixture.given(POSTED, retracted)
                .when(lesson("l-1", "2025-06-01T10:00:00Z", "d-1"))
                .expectNoEvents()
                .expectResultMessagePayload(StepAccepted.repeated("l-1", "e-l-1"));

        fixture.given(POSTED, retracted)
                .when(new AmendLessonCommand("l-1", correction("e-fix"), lesson("l-1", "2025-06-02T10:00:00Z", "d-1")))
                .expectNoEvents()
                .expectException(ConflictingStepException.class)
                .expectExceptionMessage(
                        "lesson 'l-1' was retracted (typed into the wrong field); it takes no further" + " steps");
    }

    /** A backfill file posted again: its amendment repeats, though the lesson and its decision were retracted. */
    @Test
    void sameAmendmentAfterTheLessonAndItsDecisionWereRetractedIsStillARepeat() {
        RecordLessonCommand corrected =
                lessonFromReviews("l-1", "2025-06-02T10:00:00Z", List.of("d-1"), List.of(), "process");
        StepAmendedEvent amended = new StepAmendedEvent(
                "e-fix",
                "l-1",
                "acme/eng/platform",
                RECORDED,
                RECORDED,
                "fix-tool",
                "u-0815",
                "typed into the wrong field",
                "2",
                corrected.toEvent(RECORD.stamp(), List.of("d-1")));
        StepRetractedEvent retracted = new StepRetractedEvent(
                "e-x",
                "l-1",
                "acme/eng/platform",
                RECORDED,
                RECORDED,
                "fix-tool",
                "u-0815",
                "typed into the wrong field",
                "e-l-1",
                "LessonRecorded",
                List.of("d-1"),
                List.of("l-1"));
        AggregateTestFixture<Lesson> nothingKnown = Steps.fixture(Lesson.class);
        nothingKnown.registerInjectableResource(new InMemoryLoopReferences());
        nothingKnown.registerInjectableResource(RootCauseThemes.standardPlus(List.of()));

        nothingKnown
                .given(POSTED, amended, retracted)
                .when(new AmendLessonCommand("l-1", correction("e-again"), corrected))
                .expectNoEvents()
                .expectResultMessagePayload(StepAccepted.repeated("l-1", "e-fix"));
    }
}
