package io.learningloop.command.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.learningloop.command.commands.HoldCheckInCommand;
import io.learningloop.command.commands.MakeDecisionCommand;
import io.learningloop.command.commands.ObserveOutcomeCommand;
import io.learningloop.command.commands.StepAccepted;
import io.learningloop.contract.events.ActionOverdueEvent;
import io.learningloop.contract.events.CheckInHeldEvent;
import io.learningloop.contract.events.CheckInMissedEvent;
import io.learningloop.contract.events.DecisionMadeEvent;
import io.learningloop.contract.events.IndicatorReading;
import io.learningloop.contract.events.OutcomeObservedEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A decision, its planned check-ins and its observed outcome: neither a check-in nor the outcome can
 * precede it. A planned check-in not held in time is recorded missed by the platform (a deadline).
 */
@Aggregate
class Decision {

    static final String CHECK_IN_DEADLINE = "check-in-missed";

    @AggregateIdentifier
    private String decisionId;
    private DecisionMadeEvent made;
    private OutcomeObservedEvent outcome;
    private final Map<LocalDate, CheckInHeldEvent> checkInsHeld = new HashMap<>();
    private final Set<LocalDate> checkInsMissed = new HashSet<>();

    Decision() {
        // Axon creates the aggregate empty, then replays its events or runs a creating handler.
    }

    /** Creates the decision, or answers a retry of the very same post with the original event. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    StepAccepted handle(MakeDecisionCommand command, LoopReferences references, DeadlineManager deadlines,
                        DeadlinePolicy policy) {
        if (made != null) {
            return Repeats.sameOrConflict(made, command.toEvent(Repeats.stampOf(made)),
                    "decision '" + command.decisionId() + "' was already recorded with other content");
        }
        Repeats.requireUnused(references, command.decisionId(), "decision");
        if (command.reviewBy().isBefore(command.provenance().occurredAt().atZone(ZoneOffset.UTC).toLocalDate())) {
            throw new LoopRuleViolationException("reviewBy", "the review-by date cannot lie before the decision");
        }
        for (String lessonId : command.informedByLessonIds()) {
            var lesson = references.lesson(lessonId)
                    .orElseThrow(() -> new UnknownReferenceException("informedByLessonIds", "lesson", lessonId));
            if (lesson.occurredAt().isAfter(command.provenance().occurredAt())) {
                throw new LoopRuleViolationException("informedByLessonIds", "lesson '" + lessonId + "' was recorded at "
                        + lesson.occurredAt() + ", after this decision: it cannot have informed it");
            }
        }
        LocalDate decidedOn = command.provenance().occurredAt().atZone(ZoneOffset.UTC).toLocalDate();
        if (command.checkInDates().stream().anyMatch(date -> date.isBefore(decidedOn))) {
            throw new LoopRuleViolationException("checkInDates", "a check-in cannot be planned before the decision");
        }
        if (Set.copyOf(command.checkInDates()).size() != command.checkInDates().size()) {
            throw new LoopRuleViolationException("checkInDates", "each check-in date may appear once");
        }
        if (Set.copyOf(command.leadingIndicators()).size() != command.leadingIndicators().size()) {
            throw new LoopRuleViolationException("leadingIndicators", "each leading indicator may appear once");
        }
        DecisionMadeEvent event = command.toEvent(command.stamp());
        apply(event);
        for (LocalDate date : event.checkInDates()) {
            Instant missedAt = date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().plus(policy.checkInTolerance());
            Instant checkAt = policy.checkAt(missedAt, command.stamp().recordedAt());
            deadlines.schedule(checkAt, CHECK_IN_DEADLINE, new CheckInCheck(date, missedAt, checkAt));
        }
        return StepAccepted.recorded(decisionId, event.eventId());
    }

    /** A planned check-in, held: its readings must be of the decision's leading indicators. */
    @CommandHandler
    StepAccepted handle(HoldCheckInCommand command) {
        CheckInHeldEvent earlier = checkInsHeld.get(command.scheduledFor());
        if (earlier != null) {
            return Repeats.sameOrConflict(earlier, command.toEvent(Repeats.stampOf(earlier), made.orgUnit()),
                    "the check-in of " + command.scheduledFor() + " was already recorded with other content");
        }
        if (!made.checkInDates().contains(command.scheduledFor())) {
            throw new LoopRuleViolationException("scheduledFor", command.scheduledFor()
                    + " is not a planned check-in of this decision; planned: " + made.checkInDates());
        }
        if (command.provenance().occurredAt().isBefore(made.occurredAt())) {
            throw new LoopRuleViolationException("occurredAt", "a check-in cannot precede its decision, made at "
                    + made.occurredAt());
        }
        for (IndicatorReading reading : command.readings()) {
            if (!made.leadingIndicators().contains(reading.indicator())) {
                throw new LoopRuleViolationException("readings", "'" + reading.indicator()
                        + "' is not a leading indicator of this decision; its indicators: " + made.leadingIndicators());
            }
        }
        CheckInHeldEvent event = command.toEvent(command.stamp(), made.orgUnit());
        apply(event);
        return StepAccepted.recorded(decisionId, event.eventId());
    }

    /** Nobody posts this: the planned day (and the tolerance) passed without the check-in. */
    @DeadlineHandler(deadlineName = CHECK_IN_DEADLINE)
    void onCheckInDue(CheckInCheck check) {
        if (!checkInsHeld.containsKey(check.scheduledFor()) && !checkInsMissed.contains(check.scheduledFor())) {
            apply(new CheckInMissedEvent(decisionId + ":check-in:" + check.scheduledFor(), decisionId,
                    made.orgUnit(), check.missedAt(), check.checkAt(), ActionOverdueEvent.PLATFORM,
                    ActionOverdueEvent.PLATFORM, check.scheduledFor()));
        }
    }

    @CommandHandler
    StepAccepted handle(ObserveOutcomeCommand command) {
        if (outcome != null) {
            return Repeats.sameOrConflict(outcome, command.toEvent(Repeats.stampOf(outcome), made.orgUnit()),
                    "decision '" + decisionId + "' already has an outcome; amending it is not supported yet");
        }
        if (command.provenance().occurredAt().isBefore(made.occurredAt())) {
            throw new LoopRuleViolationException("occurredAt", "an outcome cannot occur before its decision, made at "
                    + made.occurredAt());
        }
        OutcomeObservedEvent event = command.toEvent(command.stamp(), made.orgUnit());
        apply(event);
        return StepAccepted.recorded(decisionId, event.eventId());
    }

    @EventSourcingHandler
    void on(DecisionMadeEvent event) {
        decisionId = event.decisionId();
        made = event;
    }

    @EventSourcingHandler
    void on(OutcomeObservedEvent event) {
        outcome = event;
    }

    @EventSourcingHandler
    void on(CheckInHeldEvent event) {
        checkInsHeld.put(event.scheduledFor(), event);
    }

    @EventSourcingHandler
    void on(CheckInMissedEvent event) {
        checkInsMissed.add(event.scheduledFor());
    }
}
