package io.learningloop.command.domain;

import static io.learningloop.command.domain.Steps.behaviorChange;

import io.learningloop.command.commands.RecordBehaviorChangeCommand;
import io.learningloop.command.commands.StepAccepted;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BehaviorChangeTest {

    private final InMemoryLoopReferences references = new InMemoryLoopReferences()
            .decision("d-1", Instant.parse("2025-03-01T10:00:00Z"))
            .decision("d-2", Instant.parse("2025-04-01T10:00:00Z"))
            .lesson("l-1", Instant.parse("2025-06-01T10:00:00Z"), "d-1")
            .lesson("l-2", Instant.parse("2025-07-01T10:00:00Z"), "d-2", "d-1")
            .decision("d-later", Instant.parse("2026-02-01T10:00:00Z"))
            .decision("d-between", Instant.parse("2025-06-15T10:00:00Z"));
    private AggregateTestFixture<BehaviorChange> fixture;

    @BeforeEach
    void setUp() {
        fixture = Steps.fixture(BehaviorChange.class);
        fixture.registerInjectableResource(references);
    }

    @Test
    void behaviorChangeCarriesTheDecisionsItsLessonsCameFrom() {
        RecordBehaviorChangeCommand command = behaviorChange("b-1", "2026-02-01T10:00:00Z", "d-later", "l-1", "l-2");
        fixture.givenNoPriorActivity()
                .when(command)
                .expectEvents(command.toEvent(command.stamp(), List.of("d-1", "d-2")))
                .expectResultMessagePayload(StepAccepted.recorded("b-1", "e-b-1"));
    }

    @Test
    void behaviorChangeNeedsExistingLessons() {
        fixture.givenNoPriorActivity()
                .when(behaviorChange("b-1", "2026-02-01T10:00:00Z", "d-later", "l-1", "l-missing"))
                .expectNoEvents()
                .expectException(UnknownReferenceException.class)
                .expectExceptionMessage("no lesson with id 'l-missing'");
    }

    @Test
    void behaviorChangeNeedsAnExistingDecision() {
        fixture.givenNoPriorActivity()
                .when(behaviorChange("b-1", "2026-02-01T10:00:00Z", "d-missing", "l-1"))
                .expectNoEvents()
                .expectException(UnknownReferenceException.class)
                .expectExceptionMessage("no decision with id 'd-missing'");
    }

    @Test
    void decisionMadeBeforeALessonCannotHaveBeenChangedByIt() {
        fixture.givenNoPriorActivity()
                .when(behaviorChange("b-1", "2026-02-01T10:00:00Z", "d-between", "l-1", "l-2"))
                .expectNoEvents()
                .expectException(LoopRuleViolationException.class)
                .expectExceptionMessage("decision 'd-between' was made at 2025-06-15T10:00:00Z, not after lesson"
                        + " 'l-2' (recorded at 2025-07-01T10:00:00Z): the lesson cannot have changed it");
    }

    @Test
    void decisionMadeAtTheSameMomentAsTheLessonIsNotAfterIt() {
        references.decision("d-same", Instant.parse("2025-06-01T10:00:00Z"));
        fixture.givenNoPriorActivity()
                .when(behaviorChange("b-1", "2026-02-01T10:00:00Z", "d-same", "l-1"))
                .expectNoEvents()
                .expectException(LoopRuleViolationException.class);
    }

    @Test
    void behaviorChangeCannotPrecedeTheDecisionThatShowsIt() {
        fixture.givenNoPriorActivity()
                .when(behaviorChange("b-1", "2026-01-01T10:00:00Z", "d-later", "l-1"))
                .expectNoEvents()
                .expectException(LoopRuleViolationException.class);
    }

    @Test
    void sameBehaviorChangePostedAgainIsARepeat() {
        RecordBehaviorChangeCommand original = behaviorChange("b-1", "2026-02-01T10:00:00Z", "d-later", "l-1");
        fixture.given(original.toEvent(original.stamp(), List.of("d-1")))
                .when(behaviorChange("b-1", "2026-02-01T10:00:00Z", "d-later", "l-1"))
                .expectNoEvents()
                .expectResultMessagePayload(StepAccepted.repeated("b-1", "e-b-1"));
    }
}
