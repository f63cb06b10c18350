package io.learningloop.command.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.learningloop.command.commands.AmendActionCommand;
import io.learningloop.command.commands.AssignActionCommand;
import io.learningloop.command.commands.CompleteActionCommand;
import io.learningloop.command.commands.DropActionCommand;
import io.learningloop.command.commands.RetractActionCommand;
import io.learningloop.command.commands.StepAccepted;
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
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
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
    /** As first posted: a re-post of it is a repeat even after an amendment. */
    private ActionAssignedEvent posted;
    /** As it reads now, after any amendment; {@code assignedBy} is the event that made it so. */
    private ActionAssignedEvent assigned;
    private String assignedBy;
    private LoopEvent ended;
    private boolean overdue;
    private StepRetractedEvent retraction;

    Action() {
        // Axon creates the aggregate empty, then replays its events or runs a creating handler.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    StepAccepted handle(AssignActionCommand command, LoopReferences references, DeadlineManager deadlines,
                        DeadlinePolicy policy) {
        if (assigned != null) {
            // Told without looking the review up: it may have been retracted since the action was.
            return Repeats.sameOrConflict(posted, assigned, command.toEvent(Repeats.stampOf(posted),
                    posted.decisionIds()), "action '" + command.actionId() + "' was already recorded with other content");
        }
        var review = references.review(command.reviewId())
                .orElseThrow(() -> new UnknownReferenceException("reviewId", "review", command.reviewId()));
        Repeats.requireUnused(references, command.actionId(), "action");
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
    StepAccepted handle(AmendActionCommand command, LoopReferences references, DeadlineManager deadlines,
                        DeadlinePolicy policy) {
        AssignActionCommand corrected = command.correction();
        ActionAssignedEvent correction = corrected.toEvent(Repeats.stampOf(posted), assigned.decisionIds());
        if (correction.equals(assigned)) {
            return StepAccepted.repeated(actionId, assignedBy);
        }
        Corrections.requireLive(retraction, "action", actionId);
        Corrections.requireUnchanged("reviewId", assigned.reviewId(), corrected.reviewId());
        var review = references.review(corrected.reviewId())
                .orElseThrow(() -> new UnknownReferenceException("reviewId", "review", corrected.reviewId()));
        requireValid(corrected, review);
        Corrections.requireNotAfter(correction.occurredAt(), ended == null ? null : ended.occurredAt(), "action",
                "end");
        boolean dueDateChanged = !correction.dueDate().equals(assigned.dueDate());
        if (dueDateChanged && (ended != null || overdue)) {
            throw new LoopRuleViolationException("dueDate", "cannot be amended once the action "
                    + (ended != null ? "has ended" : "is overdue") + " (was " + assigned.dueDate() + ")");
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
        StepAccepted accepted = Corrections.retract(assigned, retraction, command.by(), references, "action");
        deadlines.cancelAllWithinScope(OVERDUE_DEADLINE);
        return accepted;
    }

    /** The rules of an assignment, for the action as posted and as amended. */
    private static void requireValid(AssignActionCommand command, LoopReferences.KnownReview review) {
        Instant occurredAt = command.provenance().occurredAt();
        if (occurredAt.isBefore(review.occurredAt())) {
            throw new LoopRuleViolationException("occurredAt", "an action cannot be assigned before the review '"
                    + review.reviewId() + "' that assigned it, held at " + review.occurredAt());
        }
        if (command.dueDate().isBefore(occurredAt.atZone(ZoneOffset.UTC).toLocalDate())) {
            throw new LoopRuleViolationException("dueDate", "an action cannot be due before it was assigned");
        }
    }

    private static void scheduleOverdueCheck(ActionAssignedEvent event, Instant recordedAt, DeadlineManager deadlines,
                                             DeadlinePolicy policy) {
        Instant dueEnd = event.dueDate().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant checkAt = policy.checkAt(dueEnd, recordedAt);
        deadlines.schedule(checkAt, OVERDUE_DEADLINE, new OverdueCheck(dueEnd, checkAt));
    }

    @CommandHandler
    StepAccepted handle(CompleteActionCommand command, DeadlineManager deadlines) {
        ActionCompletedEvent completed = new ActionCompletedEvent(command.stamp().eventId(), actionId,
                assigned.orgUnit(), command.provenance().occurredAt(), command.stamp().recordedAt(),
                command.provenance().sourceTool(), command.provenance().actor(), assigned.decisionIds(),
                command.note());
        if (ended != null) {
            return repeatOrConflict(completed);
        }
        Corrections.requireLive(retraction, "action", actionId);
        requireNotBeforeAssignment(completed);
        recordOverdueIfEndedLate(completed);
        apply(completed);
        deadlines.cancelAllWithinScope(OVERDUE_DEADLINE);
        return StepAccepted.recorded(actionId, completed.eventId());
    }

    @CommandHandler
    StepAccepted handle(DropActionCommand command, DeadlineManager deadlines) {
        ActionDroppedEvent dropped = new ActionDroppedEvent(command.stamp().eventId(), actionId, assigned.orgUnit(),
                command.provenance().occurredAt(), command.stamp().recordedAt(), command.provenance().sourceTool(),
                command.provenance().actor(), assigned.decisionIds(), command.reason());
        if (ended != null) {
            return repeatOrConflict(dropped);
        }
        Corrections.requireLive(retraction, "action", actionId);
        requireNotBeforeAssignment(dropped);
        recordOverdueIfEndedLate(dropped);
        apply(dropped);
        deadlines.cancelAllWithinScope(OVERDUE_DEADLINE);
        return StepAccepted.recorded(actionId, dropped.eventId());
    }

    /** Nobody posts this: the due date passed with the action still open. */
    @DeadlineHandler(deadlineName = OVERDUE_DEADLINE)
    void onDueDatePassed(OverdueCheck check) {
        if (ended == null && !overdue && retraction == null) {
            apply(overdue(check.dueEnd(), check.checkAt()));
        }
    }

    /**
     * Ended after its due date, but posted before the deadline fired (a backfill does): the action was
     * overdue first, as it would have been recorded in time, so "done late" reads as such.
     */
    private void recordOverdueIfEndedLate(LoopEvent end) {
        Instant dueEnd = assigned.dueDate().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        if (!overdue && !end.occurredAt().isBefore(dueEnd)) {
            apply(overdue(dueEnd, end.recordedAt()));
        }
    }

    private ActionOverdueEvent overdue(Instant dueEnd, Instant recordedAt) {
        return new ActionOverdueEvent(actionId + ":overdue", actionId, assigned.orgUnit(), dueEnd, recordedAt,
                ActionOverdueEvent.PLATFORM, ActionOverdueEvent.PLATFORM, assigned.decisionIds(), assigned.dueDate());
    }

    private StepAccepted repeatOrConflict(LoopEvent attempt) {
        return Repeats.sameContentOrConflict(ended, attempt, "action '" + actionId + "' has already ended ("
                + (ended instanceof ActionCompletedEvent ? "completed" : "dropped") + ")");
    }

    private void requireNotBeforeAssignment(LoopEvent step) {
        if (step.occurredAt().isBefore(assigned.occurredAt())) {
            throw new LoopRuleViolationException("occurredAt", "an action cannot end before it was assigned, at "
                    + assigned.occurredAt());
        }
    }

    @EventSourcingHandler
    void on(ActionAssignedEvent event) {
        actionId = event.actionId();
        posted = event;
        assigned = event;
        assignedBy = event.eventId();
    }

    @EventSourcingHandler
    void on(StepAmendedEvent event) {
        assigned = (ActionAssignedEvent) event.correction();
        assignedBy = event.eventId();
    }

    @EventSourcingHandler
    void on(StepRetractedEvent event) {
        retraction = event;
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
