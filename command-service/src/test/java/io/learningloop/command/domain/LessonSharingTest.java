package io.learningloop.command.domain;

import static io.learningloop.command.domain.Steps.RECORDED;
import static io.learningloop.command.domain.Steps.lesson;
import static io.learningloop.command.domain.Steps.stamp;

import io.learningloop.command.commands.Provenance;
import io.learningloop.command.commands.RecordLessonCommand;
import io.learningloop.command.commands.ShareLessonCommand;
import io.learningloop.command.commands.StepAccepted;
import io.learningloop.contract.events.LessonSharedEvent;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LessonSharingTest {

    private final RecordLessonCommand recorded = lesson("l-1", "2025-06-01T10:00:00Z", "d-1");
    private AggregateTestFixture<Lesson> fixture;

    @BeforeEach
    void setUp() {
        fixture = Steps.fixture(Lesson.class);
        fixture.registerInjectableResource(new InMemoryLoopReferences());
        fixture.registerInjectableResource(RootCauseThemes.standardPlus(List.of()));
    }

    private static ShareLessonCommand share(String eventId, String withUnit, String occurredAt) {
        return new ShareLessonCommand(
                "l-1", stamp(eventId), new Provenance(null, Instant.parse(occurredAt), "wiki", "u-2"), withUnit);
    }

    @Test
    void lessonSharedWithAnotherUnitKeepsItsOwnUnitAndDecisions() {
        fixture.given(recorded.toEvent(recorded.stamp(), recorded.decisionIds()))
                .when(share("e-s-1", "acme/sales", "2025-07-01T10:00:00Z"))
                .expectEvents(new LessonSharedEvent(
                        "e-s-1",
                        "l-1",
                        "acme/eng/platform",
                        Instant.parse("2025-07-01T10:00:00Z"),
                        RECORDED,
                        "wiki",
                        "u-2",
                        List.of("d-1"),
                        "acme/sales"))
                .expectResultMessagePayload(StepAccepted.recorded("l-1", "e-s-1"));
    }

    @Test
    void sharingWithTheSameUnitAgainIsARepeat() {
        fixture.given(
                        recorded.toEvent(recorded.stamp(), recorded.decisionIds()),
                        new LessonSharedEvent(
                                "e-s-1",
                                "l-1",
                                "acme/eng/platform",
                                Instant.parse("2025-07-01T10:00:00Z"),
                                RECORDED,
                                "wiki",
                                "u-2",
                                List.of("d-1"),
                                "acme/sales"))
                .when(share("e-s-2", "acme/sales", "2025-08-01T10:00:00Z"))
                .expectNoEvents()
                .expectResultMessagePayload(StepAccepted.repeated("l-1", "e-s-1"));
    }

    @Test
    void sharingWithItsOwnUnitIsRejected() {
        fixture.given(recorded.toEvent(recorded.stamp(), recorded.decisionIds()))
                .when(share("e-s-1", "acme/eng/platform", "2025-07-01T10:00:00Z"))
                .expectNoEvents()
                .expectException(LoopRuleViolationException.class);
    }

    @Test
    void lessonCannotBeSharedBeforeItWasDrawn() {
        fixture.given(recorded.toEvent(recorded.stamp(), recorded.decisionIds()))
                .when(share("e-s-1", "acme/sales", "2025-05-01T10:00:00Z"))
                .expectNoEvents()
                .expectException(LoopRuleViolationException.class);
    }
}
