package io.learningloop.command.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.learningloop.command.commands.AssignActionCommand;
import io.learningloop.command.commands.CompleteActionCommand;
import io.learningloop.command.commands.DropActionCommand;
import io.learningloop.command.commands.StepAccepted;
import io.learningloop.contract.events.ActionAssignedEvent;
import io.learningloop.contract.events.ActionCompletedEvent;
import io.learningloop.contract.events.ActionDroppedEvent;
import io.learningloop.contract.events.ActionOverdueEvent;
import io.learningloop.contract.events.LoopEvent;
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
 * is still possible: "done late" is different from "never done".
 */
@Aggregate
class Action {

    static final String OVERDUE_DEADLINE = "action-overdue";

    @AggregateIdentifier
    private String actionId;
    private ActionAssignedEvent assigned;
    private LoopEvent ended;
    private boolean overdue;

    Action() {
        // Axon creates the aggregate empty, then replays its events or runs a creating handler.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    StepAccepted handle(AssignActionCommand command, LoopReferences references, DeadlineManager deadlines,
                        DeadlinePolicy policy) {
        var review = references.review(command.reviewId())
                .orElseThrow(() -> new UnknownReferenceException("reviewId", "review", command.reviewId()));
        if (assigned != null) {
            return Repeats.sameOrConflict(assigned, command.toEvent(Repeats.stampOf(assigned), review.decisionIds()),
                    "action '" + command.actionId() + "' was already recorded with other content");
        }
        Repeats.requireUnused(references, command.actionId(), "action");
        Instant occurredAt = command.provenance().occurredAt();
        if (occurredAt.isBefore(review.occurredAt())) {
            throw new LoopRuleViolationException("occurredAt", "an action cannot be assigned before the review '"
                    + review.reviewId() + "' that assigned it, held at " + review.occurredAt());
        }
        if (command.dueDate().isBefore(occurredAt.atZone(ZoneOffset.UTC).toLocalDate())) {
            throw new LoopRuleViolationException("dueDate", "an action cannot be due before it was assigned");
        }
        ActionAssignedEvent event = command.toEvent(command.stamp(), review.decisionIds());
        apply(event);
        Instant dueEnd = command.dueDate().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant checkAt = policy.checkAt(dueEnd, command.stamp().recordedAt());
        deadlines.schedule(checkAt, OVERDUE_DEADLINE, new OverdueCheck(dueEnd, checkAt));
        return StepAccepted.recorded(actionId, event.eventId());
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
        requireNotBeforeAssignment(completed);
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
        requireNotBeforeAssignment(dropped);
        apply(dropped);
        deadlines.cancelAllWithinScope(OVERDUE_DEADLINE);
        return StepAccepted.recorded(actionId, dropped.eventId());
    }

    /** Nobody posts this: the due date passed with the action still open. */
    @DeadlineHandler(deadlineName = OVERDUE_DEADLINE)
    void onDueDatePassed(OverdueCheck check) {
        if (ended == null && !overdue) {
            apply(new ActionOverdueEvent(actionId + ":overdue", actionId, assigned.orgUnit(), check.dueEnd(),
                    check.checkAt(), ActionOverdueEvent.PLATFORM, ActionOverdueEvent.PLATFORM,
                    assigned.decisionIds(), assigned.dueDate()));
        }
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
        assigned = event;
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
