package io.learningloop.command.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.learningloop.command.commands.AmendActionCommand;
import io.learningloop.command.commands.AssignActionCommand;
import io.learningloop.command.commands.CompleteActionCommand;
import io.learningloop.command.commands.DropActionCommand;
import io.learningloop.command.commands.RetractActionCommand;
import io.learningloop.command.commands.StepAccepted;
import io.learningloop.command.commands.Writer;
import io.learningloop.contract.DueDates;
import io.learningloop.contract.LoopStep;
import io.learningloop.contract.events.ActionAssignedEvent;
import io.learningloop.contract.events.ActionCompletedEvent;
import io.learningloop.contract.events.ActionDroppedEvent;
import io.learningloop.contract.events.ActionOverdueEvent;
import io.learningloop.contract.events.LoopEvent;
import io.learningloop.contract.events.StepAmendedEvent;
import io.learningloop.contract.events.StepRetractedEvent;
import java.time.Instant;
import java.time.ZoneOffset;
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
 * An action a review assigned. It ends completed or dropped; if neither happened by the end of its due
 * date, the platform itself records it overdue (a persistent Axon deadline), and completing it later
 * is still possible: "done late" is different from "never done". An action can be amended and
 * retracted ({@link Corrections}).
 */
@Aggregate
class Action {

    static final String OVERDUE_DEADLINE = "action-overdue";

    @AggregateIdentifier
    private String actionId;
    /** The assignment as posted and as amended, and its retraction. */
    private final StepHistory<ActionAssignedEvent> assignment = new StepHistory<>();

    private LoopEvent ended;
    private boolean overdue;

    Action() {
        // Axon creates the aggregate empty, then replays its events or runs a creating handler.
    }

    /**
     * A command about this step needs a key that covers the step's org unit as recorded — to re-post it,
     * add to it, amend it (also to another unit) or retract it. A new step's unit is checked where it
     * is named, before the command is sent (StepSender).
     */
    @CommandHandlerInterceptor
    Object writableByTheKey(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        Writer.requireCovers(command.getMetaData(), assignment.orgUnit());
        return chain.proceed();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    StepAccepted handle(
            AssignActionCommand command, LoopReferences references, DeadlineManager deadlines, DeadlinePolicy policy) {
        if (assignment.exists()) {
            // Told without looking the review up: it may have been retracted since the action was.
            return assignment
                    .repeatOfStep(reading -> command.toEvent(
                            Repeats.stampOf(reading.step()), reading.step().decisionIds()))
                    .orElseThrow(() -> new ConflictingStepException(
                            "action '" + command.actionId() + "' was already recorded with other content"));
        }
        var review = references
                .review(command.reviewId())
                .orElseThrow(() -> new UnknownReferenceException("reviewId", LoopStep.REVIEW, command.reviewId()));
        Repeats.requireUnused(references, command.actionId(), LoopStep.ACTION);
        requireValid(command, review);
        ActionAssignedEvent event = command.toEvent(command.stamp(), review.decisionIds());
        apply(event);
        scheduleOverdueCheck(event, command.stamp().recordedAt(), deadlines, policy);
        return StepAccepted.recorded(actionId, event.eventId());
    }

    /**
     * The assignment as it should have been recorded. Its review stays; a new due date is awaited
     * instead of the old one while the action is open and not yet overdue, and cannot change after.
     */
    @CommandHandler
    StepAccepted handle(
            AmendActionCommand command, LoopReferences references, DeadlineManager deadlines, DeadlinePolicy policy) {
        AssignActionCommand corrected = command.correction();
        var repeat = assignment.repeatOfAmendment(
                reading -> corrected.toEvent(
                        Repeats.stampOf(reading.step()), reading.step().decisionIds()),
                command.by());
        if (repeat.isPresent()) {
            return repeat.get();
        }
        Corrections.requireLive(assignment.retraction(), LoopStep.ACTION, actionId);
        ActionAssignedEvent assigned = assignment.current();
        ActionAssignedEvent correction = corrected.toEvent(Repeats.stampOf(assigned), assigned.decisionIds());
        Corrections.requireUnchanged("reviewId", assigned.reviewId(), corrected.reviewId());
        var review = references
                .review(corrected.reviewId())
                .orElseThrow(() -> new UnknownReferenceException("reviewId", LoopStep.REVIEW, corrected.reviewId()));
        requireValid(corrected, review);
        Corrections.requireNotAfter(
                correction.occurredAt(), ended == null ? null : ended.occurredAt(), LoopStep.ACTION, "end");
        boolean dueDateChanged = !correction.dueDate().equals(assigned.dueDate());
        if (dueDateChanged && (ended != null || overdue)) {
            throw new LoopRuleViolationException(
                    "dueDate",
                    "cannot be amended once the action " + (ended != null ? "has ended" : "is overdue") + " (was "
                            + assigned.dueDate() + ")");
        }
        StepAccepted accepted = Corrections.amend(correction, command.by());
        if (dueDateChanged) {
            deadlines.cancelAllWithinScope(OVERDUE_DEADLINE);
            scheduleOverdueCheck(correction, command.by().stamp().recordedAt(), deadlines, policy);
        }
        return accepted;
    }

    /** Nothing refers to an action, so it can always be retracted; its due date is no longer awaited. */
    @CommandHandler
    StepAccepted handle(RetractActionCommand command, LoopReferences references, DeadlineManager deadlines) {
        StepAccepted accepted = Corrections.retract(assignment, command.by(), references, LoopStep.ACTION);
        deadlines.cancelAllWithinScope(OVERDUE_DEADLINE);
        return accepted;
    }

    /** The rules of an assignment, for the action as posted and as amended. */
    private static void requireValid(AssignActionCommand command, LoopReferences.KnownReview review) {
        Instant occurredAt = command.provenance().occurredAt();
        if (occurredAt.isBefore(review.occurredAt())) {
            throw new LoopRuleViolationException(
                    "occurredAt",
                    "an action cannot be assigned before the review '" + review.reviewId()
                            + "' that assigned it, held at " + review.occurredAt());
        }
        if (command.dueDate().isBefore(occurredAt.atZone(ZoneOffset.UTC).toLocalDate())) {
            throw new LoopRuleViolationException("dueDate", "an action cannot be due before it was assigned");
        }
    }

    private static void scheduleOverdueCheck(
            ActionAssignedEvent event, Instant recordedAt, DeadlineManager deadlines, DeadlinePolicy policy) {
        Instant dueEnd = DueDates.actionOverdueAt(event.dueDate());
        Instant checkAt = policy.checkAt(dueEnd, recordedAt);
        deadlines.schedule(checkAt, OVERDUE_DEADLINE, new OverdueCheck(dueEnd, checkAt));
    }

    @CommandHandler
    StepAccepted handle(CompleteActionCommand command, DeadlineManager deadlines) {
        if (ended != null) {
            return repeatOrConflict(
                    command.toEvent(Repeats.stampOf(ended), ended.orgUnit(), ended.decisionsConcerned()));
        }
        Corrections.requireLive(assignment.retraction(), LoopStep.ACTION, actionId);
        ActionCompletedEvent completed =
                command.toEvent(command.stamp(), orgUnit(), assignment.current().decisionIds());
        requireNotBeforeAssignment(completed);
        recordOverdueIfEndedLate(completed);
        apply(completed);
        deadlines.cancelAllWithinScope(OVERDUE_DEADLINE);
        return StepAccepted.recorded(actionId, completed.eventId());
    }

    @CommandHandler
    StepAccepted handle(DropActionCommand command, DeadlineManager deadlines) {
        if (ended != null) {
            return repeatOrConflict(
                    command.toEvent(Repeats.stampOf(ended), ended.orgUnit(), ended.decisionsConcerned()));
        }
        Corrections.requireLive(assignment.retraction(), LoopStep.ACTION, actionId);
        ActionDroppedEvent dropped =
                command.toEvent(command.stamp(), orgUnit(), assignment.current().decisionIds());
        requireNotBeforeAssignment(dropped);
        recordOverdueIfEndedLate(dropped);
        apply(dropped);
        deadlines.cancelAllWithinScope(OVERDUE_DEADLINE);
        return StepAccepted.recorded(actionId, dropped.eventId());
    }

    /** Nobody posts this: the due date passed with the action still open. */
    @DeadlineHandler(deadlineName = OVERDUE_DEADLINE)
    void onDueDatePassed(OverdueCheck check) {
        if (ended == null && !overdue && assignment.live()) {
            apply(overdue(check.dueEnd(), check.checkAt()));
        }
    }

    /**
     * Ended after its due date, but posted before the deadline fired (a backfill does): the action was
     * overdue first, as it would have been recorded in time, so "done late" reads as such.
     */
    private void recordOverdueIfEndedLate(LoopEvent end) {
        Instant dueEnd = DueDates.actionOverdueAt(assignment.current().dueDate());
        if (!overdue && !end.occurredAt().isBefore(dueEnd)) {
            apply(overdue(dueEnd, end.recordedAt()));
        }
    }

    private ActionOverdueEvent overdue(Instant dueEnd, Instant recordedAt) {
        ActionAssignedEvent assigned = assignment.current();
        return new ActionOverdueEvent(
                actionId + ":overdue",
                actionId,
                assigned.orgUnit(),
                dueEnd,
                recordedAt,
                LoopEvent.PLATFORM,
                LoopEvent.PLATFORM,
                assigned.decisionIds(),
                assigned.dueDate());
    }

    /** The action's org unit as it reads now: its end takes it. */
    private String orgUnit() {
        return assignment.current().orgUnit();
    }

    /** @param attempt the end posted again, with the stamp, org unit and decisions of the end recorded */
    private StepAccepted repeatOrConflict(LoopEvent attempt) {
        return Repeats.sameOrConflict(
                ended,
                attempt,
                "action '" + actionId + "' has already ended ("
                        + (ended instanceof ActionCompletedEvent ? "completed" : "dropped") + ")");
    }

    private void requireNotBeforeAssignment(LoopEvent step) {
        Instant assignedAt = assignment.current().occurredAt();
        if (step.occurredAt().isBefore(assignedAt)) {
            throw new LoopRuleViolationException(
                    "occurredAt", "an action cannot end before it was assigned, at " + assignedAt);
        }
    }

    @EventSourcingHandler
    void on(ActionAssignedEvent event) {
        actionId = event.actionId();
        assignment.posted(event, null);
    }

    @EventSourcingHandler
    void on(StepAmendedEvent event) {
        assignment.amended(event, (ActionAssignedEvent) event.correction(), null);
    }

    @EventSourcingHandler
    void on(StepRetractedEvent event) {
        assignment.retracted(event);
    }

    @EventSourcingHandler
    void on(ActionCompletedEvent event) {
        ended = event;
    }

    @EventSourcingHandler
    void on(ActionDroppedEvent event) {
        ended = event;
    }

    @EventSourcingHandler
    void on(ActionOverdueEvent event) {
        overdue = true;
    }
}
