package io.learningloop.query.loops;

import io.learningloop.contract.DueDates;
import io.learningloop.contract.EventTypes;
import io.learningloop.contract.events.ActionAssignedEvent;
import io.learningloop.contract.events.ActionCompletedEvent;
import io.learningloop.contract.events.ActionDroppedEvent;
import io.learningloop.contract.events.ActionOverdueEvent;
import io.learningloop.readmodel.ActionStatus;
import io.learningloop.readmodel.LoopDocument.ActionRef;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * The actions part: assigned by a review, then completed, dropped or overdue. An action's events come
 * from one aggregate, in order; a replayed older one (lower sequence) is ignored. A completion read
 * before its assignment (not possible on one partition) is kept for later.
 */
final class Actions {

    static final String ACTION_ASSIGNED = EventTypes.name(ActionAssignedEvent.class);

    private Actions() {}

    /** Assigned, or amended: an amended assignment keeps what happened to the action since. */
    static LoopParts assigned(LoopParts loop, ActionAssignedEvent assigned, long sequence) {
        if (Corrections.retractedStep(loop, ACTION_ASSIGNED, assigned.actionId())) {
            return loop;
        }
        return change(
                loop,
                assigned.actionId(),
                sequence,
                current -> new ActionRef(
                        assigned.actionId(),
                        assigned.reviewId(),
                        assigned.owner(),
                        assigned.dueDate(),
                        assigned.occurredAt(),
                        current == null ? ActionStatus.OPEN : current.status(),
                        current == null ? null : current.endedAt(),
                        current != null && current.overdue(),
                        sequence));
    }

    static LoopParts completed(LoopParts loop, ActionCompletedEvent completed, long sequence) {
        return ended(loop, completed.actionId(), ActionStatus.COMPLETED, completed.occurredAt(), sequence);
    }

    static LoopParts dropped(LoopParts loop, ActionDroppedEvent dropped, long sequence) {
        return ended(loop, dropped.actionId(), ActionStatus.DROPPED, dropped.occurredAt(), sequence);
    }

    static LoopParts overdue(LoopParts loop, ActionOverdueEvent overdue, long sequence) {
        return change(
                loop,
                overdue.actionId(),
                sequence,
                current -> current == null
                        ? null
                        : new ActionRef(
                                current.actionId(),
                                current.reviewId(),
                                current.owner(),
                                current.dueDate(),
                                current.assignedAt(),
                                current.status(),
                                current.endedAt(),
                                true,
                                sequence));
    }

    /** As answered at {@code now}: still open past the end of its due date, it reads overdue. */
    static List<ActionRef> asOf(List<ActionRef> actions, Instant now) {
        return actions.stream()
                .map(action -> action.status() == ActionStatus.OPEN
                                && !action.overdue()
                                && !DueDates.actionOverdueAt(action.dueDate()).isAfter(now)
                        ? new ActionRef(
                                action.actionId(),
                                action.reviewId(),
                                action.owner(),
                                action.dueDate(),
                                action.assignedAt(),
                                action.status(),
                                action.endedAt(),
                                true,
                                action.sequence())
                        : action)
                .toList();
    }

    private static LoopParts ended(
            LoopParts loop, String actionId, ActionStatus status, Instant endedAt, long sequence) {
        return change(
                loop,
                actionId,
                sequence,
                current -> current == null
                        ? null
                        : new ActionRef(
                                actionId,
                                current.reviewId(),
                                current.owner(),
                                current.dueDate(),
                                current.assignedAt(),
                                status,
                                endedAt,
                                current.overdue(),
                                sequence));
    }

    private static LoopParts change(
            LoopParts loop, String actionId, long sequence, Function<ActionRef, ActionRef> change) {
        ActionRef current = loop.actions().stream()
                .filter(a -> a.actionId().equals(actionId))
                .findFirst()
                .orElse(null);
        if (current != null && current.sequence() >= sequence) {
            return loop;
        }
        ActionRef changed = change.apply(current);
        if (changed == null) {
            return loop;
        }
        return loop.withActions(LoopParts.upsert(loop.actions(), changed, ActionRef::actionId));
    }
}
