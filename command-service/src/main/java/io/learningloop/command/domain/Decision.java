package io.learningloop.command.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.learningloop.command.commands.AmendDecisionCommand;
import io.learningloop.command.commands.AmendOutcomeCommand;
import io.learningloop.command.commands.HoldCheckInCommand;
import io.learningloop.command.commands.MakeDecisionCommand;
import io.learningloop.command.commands.ObserveOutcomeCommand;
import io.learningloop.command.commands.RetractDecisionCommand;
import io.learningloop.command.commands.RetractOutcomeCommand;
import io.learningloop.command.commands.StepAccepted;
import io.learningloop.command.commands.Writer;
import io.learningloop.contract.DueDates;
import io.learningloop.contract.LoopStep;
import io.learningloop.contract.events.CheckInHeldEvent;
import io.learningloop.contract.events.CheckInMissedEvent;
import io.learningloop.contract.events.DecisionMadeEvent;
import io.learningloop.contract.events.IndicatorReading;
import io.learningloop.contract.events.LoopEvent;
import io.learningloop.contract.events.OutcomeObservedEvent;
import io.learningloop.contract.events.StepAmendedEvent;
import io.learningloop.contract.events.StepRetractedEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A decision, its planned check-ins and its observed outcome: neither a check-in nor the outcome can
 * precede it. A planned check-in not held in time is recorded missed by the platform (a deadline).
 * The decision and its outcome can be amended or retracted ({@link Corrections}).
 */
@Aggregate
class Decision {

    static final String CHECK_IN_DEADLINE = "check-in-missed";

    @AggregateIdentifier
    private String decisionId;
    /** The decision as posted and as amended, and its retraction. */
    private final StepHistory<DecisionMadeEvent> decision = new StepHistory<>();
    /** Its outcomes: observed, amended, retracted and observed anew. */
    private final StepHistory<OutcomeObservedEvent> outcome = new StepHistory<>();

    private final Map<LocalDate, HeldCheckIn> checkInsHeld = new HashMap<>();
    private final Set<LocalDate> checkInsMissed = new HashSet<>();

    /** A held check-in, and the org unit a check-in posted without one took then (the decision's, at the time). */
    private record HeldCheckIn(CheckInHeldEvent event, String defaultOrgUnit) {}

    Decision() {
        // Axon creates the aggregate empty, then replays its events or runs a creating handler.
    }

    /**
     * A command about this step needs a key that covers the step's org unit as recorded — to re-post it,
     * add to it, amend it (also to another unit) or retract it. A new step's unit is checked where it
     * is named, before the command is sent (StepSender).
     */
    @CommandHandlerInterceptor
    Object writableByTheKey(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        Writer.requireCovers(command.getMetaData(), decision.orgUnit());
        if (command.getPayload() instanceof AmendOutcomeCommand
                || command.getPayload() instanceof RetractOutcomeCommand) {
            Writer.requireCovers(command.getMetaData(), outcome.orgUnit());
        }
        return chain.proceed();
    }

    /** Creates the decision, or answers a retry of the very same post with the original event. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    StepAccepted handle(
            MakeDecisionCommand command, LoopReferences references, DeadlineManager deadlines, DeadlinePolicy policy) {
        if (decision.exists()) {
            return decision.repeatOfStep(reading -> command.toEvent(Repeats.stampOf(reading.step())))
                    .orElseThrow(() -> new ConflictingStepException(
                            "decision '" + command.decisionId() + "' was already recorded with other content"));
        }
        Repeats.requireUnused(references, command.decisionId(), LoopStep.DECISION);
        requireValid(command, references);
        DecisionMadeEvent event = command.toEvent(command.stamp());
        apply(event);
        for (LocalDate date : event.checkInDates()) {
            Instant missedAt = missedAt(date, policy);
            Instant checkAt = policy.checkAt(missedAt, command.stamp().recordedAt());
            deadlines.schedule(checkAt, CHECK_IN_DEADLINE, new CheckInCheck(date, missedAt, checkAt));
        }
        return StepAccepted.recorded(decisionId, event.eventId());
    }

    /** The rules of a decision, for the decision as posted and as amended. */
    private static void requireValid(MakeDecisionCommand command, LoopReferences references) {
        LocalDate decidedOn =
                command.provenance().occurredAt().atZone(ZoneOffset.UTC).toLocalDate();
        if (command.reviewBy().isBefore(decidedOn)) {
            throw new LoopRuleViolationException("reviewBy", "the review-by date cannot lie before the decision");
        }
        for (String lessonId : command.informedByLessonIds()) {
            var lesson = references
                    .lesson(lessonId)
                    .orElseThrow(() -> new UnknownReferenceException("informedByLessonIds", LoopStep.LESSON, lessonId));
            if (lesson.occurredAt().isAfter(command.provenance().occurredAt())) {
                throw new LoopRuleViolationException(
                        "informedByLessonIds",
                        "lesson '" + lessonId + "' was recorded at " + lesson.occurredAt()
                                + ", after this decision: it cannot have informed it");
            }
        }
        if (command.checkInDates().stream().anyMatch(date -> date.isBefore(decidedOn))) {
            throw new LoopRuleViolationException("checkInDates", "a check-in cannot be planned before the decision");
        }
        if (Set.copyOf(command.checkInDates()).size() != command.checkInDates().size()) {
            throw new LoopRuleViolationException("checkInDates", "each check-in date may appear once");
        }
        if (Set.copyOf(command.leadingIndicators()).size()
                != command.leadingIndicators().size()) {
            throw new LoopRuleViolationException("leadingIndicators", "each leading indicator may appear once");
        }
    }

    /**
     * The decision as it should have been recorded. Its cited lessons, planned check-ins and leading
     * indicators stay: deadlines and readings were set against them.
     */
    @CommandHandler
    StepAccepted handle(AmendDecisionCommand command, LoopReferences references) {
        var repeat = decision.repeatOfAmendment(
                reading -> command.correction().toEvent(Repeats.stampOf(reading.step())), command.by());
        if (repeat.isPresent()) {
            return repeat.get();
        }
        Corrections.requireLive(decision.retraction(), LoopStep.DECISION, decisionId);
        DecisionMadeEvent made = decision.current();
        DecisionMadeEvent correction = command.correction().toEvent(Repeats.stampOf(made));
        Corrections.requireUnchanged(
                "informedByLessonIds", made.informedByLessonIds(), correction.informedByLessonIds());
        Corrections.requireUnchanged("checkInDates", made.checkInDates(), correction.checkInDates());
        Corrections.requireUnchanged("leadingIndicators", made.leadingIndicators(), correction.leadingIndicators());
        requireValid(command.correction(), references);
        Instant occurredAt = correction.occurredAt();
        Corrections.requireNotAfter(
                occurredAt,
                outcome.live() ? outcome.current().occurredAt() : null,
                LoopStep.DECISION,
                "observed outcome");
        Corrections.requireNotAfter(
                occurredAt,
                checkInsHeld.values().stream()
                        .map(held -> held.event().occurredAt())
                        .min(Comparator.naturalOrder())
                        .orElse(null),
                LoopStep.DECISION,
                "first held check-in");
        Corrections.requireNotAfterDependents(references, decisionId, occurredAt, LoopStep.DECISION);
        return Corrections.amend(correction, command.by());
    }

    /** Retracts the whole loop's start: its outcome and check-ins go with it, its open check-ins are not awaited. */
    @CommandHandler
    StepAccepted handle(RetractDecisionCommand command, LoopReferences references, DeadlineManager deadlines) {
        StepAccepted accepted = Corrections.retract(decision, command.by(), references, LoopStep.DECISION);
        deadlines.cancelAllWithinScope(CHECK_IN_DEADLINE);
        return accepted;
    }

    /** A planned check-in, held: its readings must be of the decision's leading indicators. */
    @CommandHandler
    StepAccepted handle(HoldCheckInCommand command, DeadlinePolicy policy) {
        HeldCheckIn earlier = checkInsHeld.get(command.scheduledFor());
        if (earlier != null) {
            return Repeats.sameOrConflict(
                    earlier.event(),
                    command.toEvent(Repeats.stampOf(earlier.event()), earlier.defaultOrgUnit()),
                    "the check-in of " + command.scheduledFor() + " was already recorded with other content");
        }
        Corrections.requireLive(decision.retraction(), LoopStep.DECISION, decisionId);
        DecisionMadeEvent made = decision.current();
        if (!made.checkInDates().contains(command.scheduledFor())) {
            throw new LoopRuleViolationException(
                    "scheduledFor",
                    command.scheduledFor() + " is not a planned check-in of this decision; planned: "
                            + made.checkInDates());
        }
        if (command.provenance().occurredAt().isBefore(made.occurredAt())) {
            throw new LoopRuleViolationException(
                    "occurredAt", "a check-in cannot precede its decision, made at " + made.occurredAt());
        }
        for (IndicatorReading reading : command.readings()) {
            if (!made.leadingIndicators().contains(reading.indicator())) {
                throw new LoopRuleViolationException(
                        "readings",
                        "'" + reading.indicator() + "' is not a leading indicator of this decision; its indicators: "
                                + made.leadingIndicators());
            }
        }
        Instant missedAt = missedAt(command.scheduledFor(), policy);
        if (!command.provenance().occurredAt().isBefore(missedAt) && !checkInsMissed.contains(command.scheduledFor())) {
            // Held after it counted as missed, but posted before the deadline fired (a backfill does): the
            // miss is recorded first, as it would have been in time, so a late check-in reads held late.
            apply(missed(command.scheduledFor(), missedAt, command.stamp().recordedAt()));
        }
        CheckInHeldEvent event = command.toEvent(command.stamp(), made.orgUnit());
        apply(event);
        return StepAccepted.recorded(decisionId, event.eventId());
    }

    /** Nobody posts this: the planned day (and the tolerance) passed without the check-in. */
    @DeadlineHandler(deadlineName = CHECK_IN_DEADLINE)
    void onCheckInDue(CheckInCheck check) {
        if (decision.live()
                && !checkInsHeld.containsKey(check.scheduledFor())
                && !checkInsMissed.contains(check.scheduledFor())) {
            apply(missed(check.scheduledFor(), check.missedAt(), check.checkAt()));
        }
    }

    /** A check-in counts as missed at the end of its planned day (UTC) plus the tolerance ({@link DueDates}). */
    private static Instant missedAt(LocalDate scheduledFor, DeadlinePolicy policy) {
        return DueDates.checkInMissedAt(scheduledFor, policy.checkInTolerance());
    }

    private CheckInMissedEvent missed(LocalDate scheduledFor, Instant missedAt, Instant recordedAt) {
        return new CheckInMissedEvent(
                decisionId + ":check-in:" + scheduledFor,
                decisionId,
                orgUnit(),
                missedAt,
                recordedAt,
                LoopEvent.PLATFORM,
                LoopEvent.PLATFORM,
                scheduledFor);
    }

    @CommandHandler
    StepAccepted handle(ObserveOutcomeCommand command) {
        var repeat = outcome.repeatOfStep(
                reading -> command.toEvent(Repeats.stampOf(reading.step()), reading.defaultOrgUnit()));
        if (repeat.isPresent()) {
            return repeat.get();
        }
        if (outcome.live()) {
            throw new ConflictingStepException("decision '" + decisionId + "' already has an outcome; amend it"
                    + " (POST …/outcome/amendment) or retract it first");
        }
        Corrections.requireLive(decision.retraction(), LoopStep.DECISION, decisionId);
        requireOutcomeNotBeforeDecision(command);
        OutcomeObservedEvent event = command.toEvent(command.stamp(), orgUnit());
        apply(event);
        return StepAccepted.recorded(decisionId, event.eventId());
    }

    @CommandHandler
    StepAccepted handle(AmendOutcomeCommand command) {
        var repeat = outcome.repeatOfAmendment(
                reading -> command.correction().toEvent(Repeats.stampOf(reading.step()), reading.defaultOrgUnit()),
                command.by());
        if (repeat.isPresent()) {
            return repeat.get();
        }
        requireOutcome();
        Corrections.requireLive(decision.retraction(), LoopStep.DECISION, decisionId);
        requireOutcomeNotBeforeDecision(command.correction());
        return Corrections.amend(
                command.correction().toEvent(Repeats.stampOf(outcome.current()), orgUnit()), command.by());
    }

    /** Nothing refers to an outcome but its own decision, so it can always be retracted. */
    @CommandHandler
    StepAccepted handle(RetractOutcomeCommand command) {
        Corrections.requireLive(decision.retraction(), LoopStep.DECISION, decisionId);
        var repeat = outcome.repeatOfRetraction(command.by());
        if (repeat.isPresent()) {
            return repeat.get();
        }
        requireOutcome();
        return Corrections.retractPart(outcome.current(), command.by());
    }

    private void requireOutcome() {
        if (!outcome.live()) {
            throw new UnknownReferenceException("decisionId", "outcome of a decision", decisionId);
        }
    }

    private void requireOutcomeNotBeforeDecision(ObserveOutcomeCommand command) {
        Instant decidedAt = decision.current().occurredAt();
        if (command.provenance().occurredAt().isBefore(decidedAt)) {
            throw new LoopRuleViolationException(
                    "occurredAt", "an outcome cannot occur before its decision, made at " + decidedAt);
        }
    }

    /** The decision's org unit as it reads now: steps of the loop posted without one take it. */
    private String orgUnit() {
        return decision.current().orgUnit();
    }

    @EventSourcingHandler
    void on(DecisionMadeEvent event) {
        decisionId = event.decisionId();
        decision.posted(event, null);
    }

    @EventSourcingHandler
    void on(OutcomeObservedEvent event) {
        outcome.posted(event, orgUnit());
    }

    @EventSourcingHandler
    void on(StepAmendedEvent event) {
        if (event.correction() instanceof DecisionMadeEvent corrected) {
            decision.amended(event, corrected, null);
        } else if (event.correction() instanceof OutcomeObservedEvent corrected) {
            outcome.amended(event, corrected, orgUnit());
        }
    }

    @EventSourcingHandler
    void on(StepRetractedEvent event) {
        if (event.retractedEventId().equals(decision.posted().eventId())) {
            decision.retracted(event);
        } else {
            outcome.retracted(event);
        }
    }

    @EventSourcingHandler
    void on(CheckInHeldEvent event) {
        checkInsHeld.put(event.scheduledFor(), new HeldCheckIn(event, orgUnit()));
    }

    @EventSourcingHandler
    void on(CheckInMissedEvent event) {
        checkInsMissed.add(event.scheduledFor());
    }
}
