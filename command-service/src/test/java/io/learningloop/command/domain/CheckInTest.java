package io.learningloop.command.domain;

import static io.learningloop.command.domain.Steps.RECORDED;
import static io.learningloop.command.domain.Steps.at;
import static io.learningloop.command.domain.Steps.stamp;

import io.learningloop.command.commands.HoldCheckInCommand;
import io.learningloop.command.commands.MakeDecisionCommand;
import io.learningloop.command.commands.Provenance;
import io.learningloop.command.commands.StepAccepted;
import io.learningloop.contract.events.CheckInHeldEvent;
import io.learningloop.contract.events.CheckInMissedEvent;
import io.learningloop.contract.events.DecisionCategory;
import io.learningloop.contract.events.IndicatorReading;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CheckInTest {

    /** Decided 2026-01-12, check-ins planned 2026-02-01 and 2026-03-01: missed three days after each. */
    private static final LocalDate FIRST = LocalDate.parse("2026-02-01");

    private static final LocalDate SECOND = LocalDate.parse("2026-03-01");
    private static final Instant FIRST_MISSED_AT = Instant.parse("2026-02-05T00:00:00Z");
    private static final Instant SECOND_MISSED_AT = Instant.parse("2026-03-05T00:00:00Z");

    private AggregateTestFixture<Decision> fixture;

    @BeforeEach
    void setUp() {
        fixture = Steps.fixture(Decision.class);
        fixture.registerInjectableResource(new InMemoryLoopReferences());
        fixture.registerInjectableResource(Steps.DEADLINES);
    }

    private static MakeDecisionCommand decision(List<LocalDate> checkIns) {
        return new MakeDecisionCommand(
                "d-1",
                stamp("e-d-1"),
                at("2026-01-12T10:00:00Z"),
                "Move billing",
                DecisionCategory.OPERATIONS,
                "Fewer failed invoices",
                0.6,
                LocalDate.parse("2026-06-30"),
                List.of(),
                checkIns,
                List.of("failed-invoices-per-day"),
                List.of("whether the queue keeps up at month end"));
    }

    private static HoldCheckInCommand checkIn(String eventId, LocalDate date, String indicator, String occurredAt) {
        return new HoldCheckInCommand(
                "d-1",
                stamp(eventId),
                new Provenance(null, Instant.parse(occurredAt), "tool", "u-1"),
                date,
                List.of(new IndicatorReading(indicator, "12", "")),
                false);
    }

    @Test
    void decisionSchedulesADeadlinePerPlannedCheckIn() {
        MakeDecisionCommand command = decision(List.of(SECOND, FIRST));
        fixture.givenCurrentTime(RECORDED)
                .andGivenCommands()
                .when(command)
                .expectEvents(command.toEvent(command.stamp()))
                .expectScheduledDeadline(FIRST_MISSED_AT, new CheckInCheck(FIRST, FIRST_MISSED_AT, FIRST_MISSED_AT))
                .expectScheduledDeadline(
                        SECOND_MISSED_AT, new CheckInCheck(SECOND, SECOND_MISSED_AT, SECOND_MISSED_AT));
    }

    @Test
    void checkInNotHeldInTimeIsRecordedMissedByThePlatform() {
        fixture.givenCurrentTime(RECORDED)
                .andGivenCommands(decision(List.of(FIRST, SECOND)))
                .whenThenTimeAdvancesTo(FIRST_MISSED_AT.plusSeconds(1))
                .expectEvents(new CheckInMissedEvent(
                        "d-1:check-in:2026-02-01",
                        "d-1",
                        "acme/eng/platform",
                        FIRST_MISSED_AT,
                        FIRST_MISSED_AT,
                        "learning-loop",
                        "learning-loop",
                        FIRST));
    }

    @Test
    void checkInHeldInTimeIsNeverMissed() {
        fixture.givenCurrentTime(RECORDED)
                .andGivenCommands(
                        decision(List.of(FIRST)),
                        checkIn("e-c-1", FIRST, "failed-invoices-per-day", "2026-02-01T15:00:00Z"))
                .whenThenTimeAdvancesTo(FIRST_MISSED_AT.plusSeconds(1))
                .expectNoEvents();
    }

    @Test
    void heldCheckInCarriesItsReadingsAndTheDecisionsOrgUnit() {
        MakeDecisionCommand made = decision(List.of(FIRST));
        HoldCheckInCommand hold = checkIn("e-c-1", FIRST, "failed-invoices-per-day", "2026-02-01T15:00:00Z");
        fixture.given(made.toEvent(made.stamp()))
                .when(hold)
                .expectEvents(new CheckInHeldEvent(
                        "e-c-1",
                        "d-1",
                        "acme/eng/platform",
                        Instant.parse("2026-02-01T15:00:00Z"),
                        RECORDED,
                        "tool",
                        "u-1",
                        FIRST,
                        List.of(new IndicatorReading("failed-invoices-per-day", "12", "")),
                        false))
                .expectResultMessagePayload(StepAccepted.recorded("d-1", "e-c-1"));
    }

    @Test
    void missedCheckInCanStillBeHeldLate() {
        MakeDecisionCommand made = decision(List.of(FIRST));
        fixture.given(
                        made.toEvent(made.stamp()),
                        new CheckInMissedEvent(
                                "d-1:check-in:2026-02-01",
                                "d-1",
                                "acme/eng/platform",
                                FIRST_MISSED_AT,
                                FIRST_MISSED_AT,
                                "learning-loop",
                                "learning-loop",
                                FIRST))
                .when(checkIn("e-c-late", FIRST, "failed-invoices-per-day", "2026-02-10T15:00:00Z"))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(StepAccepted.recorded("d-1", "e-c-late"));
    }

    /** A backfill posts the late check-in before the deadline fires: the miss is recorded first, then the check-in. */
    @Test
    void checkInHeldAfterItCountedAsMissedIsRecordedMissedFirst() {
        MakeDecisionCommand made = decision(List.of(FIRST));
        HoldCheckInCommand late = checkIn("e-c-late", FIRST, "failed-invoices-per-day", "2026-02-05T00:00:00Z");
        fixture.given(made.toEvent(made.stamp()))
                .when(late)
                .expectEvents(
                        new CheckInMissedEvent(
                                "d-1:check-in:2026-02-01",
                                "d-1",
                                "acme/eng/platform",
                                FIRST_MISSED_AT,
                                RECORDED,
                                "learning-loop",
                                "learning-loop",
                                FIRST),
                        late.toEvent(late.stamp(), "acme/eng/platform"));

        HoldCheckInCommand withinTolerance = checkIn("e-c-1", FIRST, "failed-invoices-per-day", "2026-02-04T23:59:59Z");
        fixture.given(made.toEvent(made.stamp()))
                .when(withinTolerance)
                .expectEvents(withinTolerance.toEvent(withinTolerance.stamp(), "acme/eng/platform"));
    }

    @Test
    void checkInForADateThatWasNotPlannedIsRejected() {
        MakeDecisionCommand made = decision(List.of(FIRST));
        fixture.given(made.toEvent(made.stamp()))
                .when(checkIn("e-c-1", SECOND, "failed-invoices-per-day", "2026-03-01T15:00:00Z"))
                .expectNoEvents()
                .expectException(LoopRuleViolationException.class)
                .expectExceptionMessage("2026-03-01 is not a planned check-in of this decision; planned: [2026-02-01]");
    }

    @Test
    void readingOfAnIndicatorTheDecisionDidNotDeclareIsRejected() {
        MakeDecisionCommand made = decision(List.of(FIRST));
        fixture.given(made.toEvent(made.stamp()))
                .when(checkIn("e-c-1", FIRST, "happiness", "2026-02-01T15:00:00Z"))
                .expectNoEvents()
                .expectException(LoopRuleViolationException.class);
    }

    @Test
    void checkInPlannedBeforeTheDecisionIsRejected() {
        fixture.givenNoPriorActivity()
                .when(decision(List.of(LocalDate.parse("2026-01-11"))))
                .expectNoEvents()
                .expectException(LoopRuleViolationException.class);
    }

    @Test
    void sameCheckInPostedAgainIsARepeat() {
        MakeDecisionCommand made = decision(List.of(FIRST));
        HoldCheckInCommand hold = checkIn("e-c-1", FIRST, "failed-invoices-per-day", "2026-02-01T15:00:00Z");
        fixture.given(made.toEvent(made.stamp()), hold.toEvent(hold.stamp(), "acme/eng/platform"))
                .when(checkIn("e-retry", FIRST, "failed-invoices-per-day", "2026-02-01T15:00:00Z"))
                .expectNoEvents()
                .expectResultMessagePayload(StepAccepted.repeated("d-1", "e-c-1"));
    }
}
