package io.learningloop.command.domain;

import static io.learningloop.command.domain.Steps.lesson;
import static io.learningloop.command.domain.Steps.lessonFromReviews;

import io.learningloop.command.commands.RecordLessonCommand;
import io.learningloop.command.commands.StepAccepted;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LessonTest {

    private final InMemoryLoopReferences references = new InMemoryLoopReferences()
            .decision("d-1", Instant.parse("2025-03-01T10:00:00Z"))
            .decision("d-2", Instant.parse("2025-04-01T10:00:00Z"))
            .decision("d-3", Instant.parse("2025-04-15T10:00:00Z"))
            .review("r-1", Instant.parse("2025-05-01T10:00:00Z"), "d-2", "d-3");
    private AggregateTestFixture<Lesson> fixture;

    @BeforeEach
    void setUp() {
        fixture = Steps.fixture(Lesson.class);
        fixture.registerInjectableResource(references);
        fixture.registerInjectableResource(RootCauseThemes.standardPlus(List.of("vendor-lock-in")));
    }

    @Test
    void lessonFromSeveralDecisionsIsRecorded() {
        RecordLessonCommand command = lesson("l-1", "2025-06-01T10:00:00Z", "d-1", "d-2");
        fixture.givenNoPriorActivity()
                .when(command)
                .expectEvents(command.toEvent(command.stamp(), command.decisionIds()))
                .expectResultMessagePayload(StepAccepted.recorded("l-1", "e-l-1"));
    }

    @Test
    void lessonFromAnUnknownDecisionIsRejected() {
        fixture.givenNoPriorActivity()
                .when(lesson("l-1", "2025-06-01T10:00:00Z", "d-1", "d-missing"))
                .expectNoEvents()
                .expectException(UnknownReferenceException.class)
                .expectExceptionMessage("no decision with id 'd-missing'");
    }

    @Test
    void lessonCannotBeDrawnBeforeADecisionItComesFrom() {
        fixture.givenNoPriorActivity()
                .when(lesson("l-1", "2025-03-15T10:00:00Z", "d-1", "d-2"))
                .expectNoEvents()
                .expectException(LoopRuleViolationException.class)
                .expectExceptionMessage("a lesson cannot be drawn before decision 'd-2' it comes from,"
                        + " made at 2025-04-01T10:00:00Z");
    }

    @Test
    void lessonCannotTakeTheIdOfADecision() {
        fixture.givenNoPriorActivity()
                .when(lesson("d-2", "2025-06-01T10:00:00Z", "d-1"))
                .expectNoEvents()
                .expectException(ConflictingStepException.class);
    }

    @Test
    void sameLessonPostedAgainIsARepeatAndOtherContentAConflict() {
        RecordLessonCommand original = lesson("l-1", "2025-06-01T10:00:00Z", "d-1");
        fixture.given(original.toEvent(original.stamp(), original.decisionIds()))
                .when(lesson("l-1", "2025-06-01T10:00:00Z", "d-1"))
                .expectNoEvents()
                .expectResultMessagePayload(StepAccepted.repeated("l-1", "e-l-1"));

        fixture.given(original.toEvent(original.stamp(), original.decisionIds()))
                .when(lesson("l-1", "2025-06-02T10:00:00Z", "d-1"))
                .expectNoEvents()
                .expectException(ConflictingStepException.class);
    }

    @Test
    void lessonFromAReviewConcernsTheDecisionsGivenAndThoseOfTheReview() {
        RecordLessonCommand command = lessonFromReviews(
                "l-1", "2025-06-01T10:00:00Z", List.of("d-1", "d-2"), List.of("r-1"), "ownership", "vendor-lock-in");
        fixture.givenNoPriorActivity()
                .when(command)
                .expectEvents(command.toEvent(command.stamp(), List.of("d-1", "d-2", "d-3")))
                .expectResultMessagePayload(StepAccepted.recorded("l-1", "e-l-1"));
    }

    @Test
    void lessonFromAReviewAloneIsRecordedWithTheReviewsDecisions() {
        RecordLessonCommand command = lessonFromReviews("l-1", "2025-06-01T10:00:00Z", List.of(), List.of("r-1"));
        fixture.givenNoPriorActivity()
                .when(command)
                .expectEvents(command.toEvent(command.stamp(), List.of("d-2", "d-3")));
    }

    @Test
    void lessonFromNeitherDecisionsNorReviewsIsRejected() {
        fixture.givenNoPriorActivity()
                .when(lessonFromReviews("l-1", "2025-06-01T10:00:00Z", List.of(), List.of()))
                .expectNoEvents()
                .expectException(LoopRuleViolationException.class)
                .expectExceptionMessage("a lesson comes from decisionIds, reviewIds or both");
    }

    @Test
    void lessonFromAnUnknownReviewIsRejected() {
        fixture.givenNoPriorActivity()
                .when(lessonFromReviews("l-1", "2025-06-01T10:00:00Z", List.of("d-1"), List.of("r-missing")))
                .expectNoEvents()
                .expectException(UnknownReferenceException.class)
                .expectExceptionMessage("no review with id 'r-missing'");
    }

    @Test
    void lessonCannotBeDrawnBeforeTheReviewItComesFrom() {
        fixture.givenNoPriorActivity()
                .when(lessonFromReviews("l-1", "2025-04-20T10:00:00Z", List.of(), List.of("r-1")))
                .expectNoEvents()
                .expectException(LoopRuleViolationException.class)
                .expectExceptionMessage("a lesson cannot be drawn before review 'r-1' it comes from, held at"
                        + " 2025-05-01T10:00:00Z");
    }

    @Test
    void lessonThemesComeFromTheVocabularyEachOnce() {
        fixture.givenNoPriorActivity()
                .when(lessonFromReviews("l-1", "2025-06-01T10:00:00Z", List.of("d-1"), List.of(), "luck"))
                .expectNoEvents()
                .expectException(LoopRuleViolationException.class)
                .expectExceptionMessage("'luck' is not a theme; the vocabulary is [assumptions, capacity,"
                        + " communication, external, incentives, information, ownership, process, skills, tooling,"
                        + " vendor-lock-in]");

        fixture.givenNoPriorActivity()
                .when(lessonFromReviews("l-1", "2025-06-01T10:00:00Z", List.of("d-1"), List.of(), "skills", "skills"))
                .expectNoEvents()
                .expectException(LoopRuleViolationException.class)
                .expectExceptionMessage("each theme may appear once");
    }
}
