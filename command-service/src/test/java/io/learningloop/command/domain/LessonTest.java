package io.learningloop.command.domain;

import static io.learningloop.command.domain.Steps.lesson;

import io.learningloop.command.commands.RecordLessonCommand;
import io.learningloop.command.commands.StepAccepted;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LessonTest {

    private final InMemoryLoopReferences references = new InMemoryLoopReferences()
            .decision("d-1", Instant.parse("2025-03-01T10:00:00Z"))
            .decision("d-2", Instant.parse("2025-04-01T10:00:00Z"));
    private AggregateTestFixture<Lesson> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Lesson.class);
        fixture.registerInjectableResource(references);
    }

    @Test
    void lessonFromSeveralDecisionsIsRecorded() {
        RecordLessonCommand command = lesson("l-1", "2025-06-01T10:00:00Z", "d-1", "d-2");
        fixture.givenNoPriorActivity()
                .when(command)
                .expectEvents(command.toEvent(command.stamp()))
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
        fixture.given(original.toEvent(original.stamp()))
                .when(lesson("l-1", "2025-06-01T10:00:00Z", "d-1"))
                .expectNoEvents()
                .expectResultMessagePayload(StepAccepted.repeated("l-1", "e-l-1"));

        fixture.given(original.toEvent(original.stamp()))
                .when(lesson("l-1", "2025-06-02T10:00:00Z", "d-1"))
                .expectNoEvents()
                .expectException(ConflictingStepException.class);
    }
}
