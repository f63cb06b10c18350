package io.learningloop.command.domain;

import static io.learningloop.command.domain.Steps.correction;
import static io.learningloop.command.domain.Steps.decision;
import static io.learningloop.command.domain.Steps.lesson;
import static io.learningloop.command.domain.Steps.outcome;

import io.learningloop.access.OutsideUnitsException;
import io.learningloop.command.commands.AmendLessonCommand;
import io.learningloop.command.commands.MakeDecisionCommand;
import io.learningloop.command.commands.ObserveOutcomeCommand;
import io.learningloop.command.commands.RecordLessonCommand;
import io.learningloop.command.commands.RetractDecisionCommand;
import io.learningloop.command.commands.RetractLessonCommand;
import io.learningloop.command.commands.StepAccepted;
import io.learningloop.command.commands.Writer;
import io.learningloop.contract.events.DecisionMadeEvent;
import io.learningloop.contract.events.LessonRecordedEvent;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

/**
 * A key writes only inside its org units, also where the request does not name the unit: the aggregate
 * checks the unit of the step it holds (the steps here lie in {@code acme/eng/platform}).
 */
class WritingInsideUnitsTest {

    private static final Writer SALES_KEY = new Writer("saleskey0001", "sales-tool", List.of("acme/sales"));
    private static final Writer ENG_KEY = new Writer("engkey000001", "eng-tool", List.of("acme/eng"));

    private static final MakeDecisionCommand MADE = decision("d-1", "2025-03-01T10:00:00Z");
    private static final DecisionMadeEvent DECISION = MADE.toEvent(MADE.stamp());
    private static final RecordLessonCommand RECORDED = lesson("l-1", "2025-05-01T10:00:00Z");
    private static final LessonRecordedEvent LESSON = RECORDED.toEvent(RECORDED.stamp(), List.of());

    private static <A> AggregateTestFixture<A> sentFor(Class<A> aggregate, Writer writer) {
        AggregateTestFixture<A> fixture = new AggregateTestFixture<>(aggregate);
        fixture.registerCommandDispatchInterceptor(Steps.sentFor(writer));
        fixture.registerInjectableResource(new InMemoryLoopReferences());
        fixture.registerInjectableResource(Steps.DEADLINES);
        return fixture;
    }

    @Test
    void anotherUnitsKeyCannotRetractTheDecision() {
        sentFor(Decision.class, SALES_KEY)
                .given(DECISION)
                .when(new RetractDecisionCommand("d-1", correction("e-x")))
                .expectNoEvents()
                .expectException(OutsideUnitsException.class)
                .expectExceptionMessage("org unit 'acme/eng/platform' lies outside the org units of this key");
    }

    /** An outcome names no unit: it takes its decision's, which the key must cover. */
    @Test
    void anotherUnitsKeyCannotObserveTheOutcomeOfTheDecision() {
        ObserveOutcomeCommand observed = outcome("d-1", "2025-04-01T10:00:00Z");
        sentFor(Decision.class, SALES_KEY)
                .given(DECISION)
                .when(observed)
                .expectNoEvents()
                .expectException(OutsideUnitsException.class);
    }

    /** Not even a re-post of the very same step: the answer would confirm what another unit recorded. */
    @Test
    void anotherUnitsKeyCannotRepostTheDecision() {
        sentFor(Decision.class, SALES_KEY)
                .given(DECISION)
                .when(MADE)
                .expectNoEvents()
                .expectException(OutsideUnitsException.class);
    }

    @Test
    void anotherUnitsKeyCannotAmendOrRetractTheLesson() {
        sentFor(Lesson.class, SALES_KEY)
                .given(LESSON)
                .when(new AmendLessonCommand("l-1", correction("e-x"), lesson("l-1", "2025-05-02T10:00:00Z")))
                .expectNoEvents()
                .expectException(OutsideUnitsException.class);
        sentFor(Lesson.class, SALES_KEY)
                .given(LESSON)
                .when(new RetractLessonCommand("l-1", correction("e-x")))
                .expectNoEvents()
                .expectException(OutsideUnitsException.class);
    }

    /** {@code acme/eng} covers the subtree: {@code acme/eng/platform} is inside it. */
    @Test
    void aKeyOfAParentUnitWritesBelowIt() {
        ObserveOutcomeCommand observed = outcome("d-1", "2025-04-01T10:00:00Z");
        sentFor(Decision.class, ENG_KEY)
                .given(DECISION)
                .when(observed)
                .expectSuccessfulHandlerExecution()
                .expectEvents(observed.toEvent(observed.stamp(), "acme/eng/platform"));
    }

    /** A new step's unit is checked where the request names it; the aggregate has nothing to protect yet. */
    @Test
    void aNewStepIsNotTheAggregatesToRefuse() {
        sentFor(Decision.class, SALES_KEY)
                .givenNoPriorActivity()
                .when(MADE)
                .expectResultMessagePayload(StepAccepted.recorded("d-1", DECISION.eventId()));
    }

    /** Every way in names its key; a command without one is a bug and is refused, not let through. */
    @Test
    void aCommandWithoutItsKeyIsRefused() {
        AggregateTestFixture<Decision> fixture = new AggregateTestFixture<>(Decision.class);
        fixture.registerInjectableResource(new InMemoryLoopReferences());
        fixture.registerInjectableResource(Steps.DEADLINES);
        fixture.given(DECISION)
                .when(new RetractDecisionCommand("d-1", correction("e-x")))
                .expectNoEvents()
                .expectException(IllegalStateException.class);
    }
}
