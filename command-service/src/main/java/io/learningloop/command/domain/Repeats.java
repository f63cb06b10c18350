package io.learningloop.command.domain;

import io.learningloop.command.commands.Stamp;
import io.learningloop.command.commands.StepAccepted;
import io.learningloop.contract.events.LoopEvent;
import java.lang.reflect.RecordComponent;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Tools retry. A step posted again with exactly the same content is answered with the original
 * event id and changes nothing; the same id with other content is a conflict.
 */
final class Repeats {

    private static final Set<String> STAMP = Set.of("eventId", "recordedAt");

    private Repeats() {
    }

    static Stamp stampOf(LoopEvent event) {
        return new Stamp(event.eventId(), event.recordedAt());
    }

    /** @param resubmitted the new step rebuilt with the stored event's stamp, so only content differs */
    static StepAccepted sameOrConflict(LoopEvent stored, LoopEvent resubmitted, String conflict) {
        if (!stored.equals(resubmitted)) {
            throw new ConflictingStepException(conflict);
        }
        return StepAccepted.repeated(stored.aggregateId(), stored.eventId());
    }

    /**
     * Like {@link #sameOrConflict}, for a step that may have been amended since: a re-post matches the
     * step as first posted (a backfill file posted again) or as it reads now. Corrections keep the
     * original stamp, so both compare as rebuilt with it.
     */
    static StepAccepted sameOrConflict(LoopEvent posted, LoopEvent current, LoopEvent resubmitted, String conflict) {
        if (!posted.equals(resubmitted) && !current.equals(resubmitted)) {
            throw new ConflictingStepException(conflict);
        }
        return StepAccepted.repeated(posted.aggregateId(), posted.eventId());
    }

    /**
     * Like {@link #sameOrConflict}, for steps whose event cannot simply be rebuilt with the stored
     * stamp: compares every record component but the stamp ({@code eventId}, {@code recordedAt}).
     */
    static StepAccepted sameContentOrConflict(LoopEvent stored, LoopEvent attempt, String conflict) {
        if (stored.getClass() != attempt.getClass() || !sameContent(stored, attempt)) {
            throw new ConflictingStepException(conflict);
        }
        return StepAccepted.repeated(stored.aggregateId(), stored.eventId());
    }

    private static boolean sameContent(LoopEvent a, LoopEvent b) {
        for (RecordComponent component : a.getClass().getRecordComponents()) {
            if (STAMP.contains(component.getName())) {
                continue;
            }
            try {
                if (!Objects.equals(component.getAccessor().invoke(a), component.getAccessor().invoke(b))) {
                    return false;
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot compare " + component, e);
            }
        }
        return true;
    }

    /** Ids are unique across kinds of step: refuses an id another kind of step already uses. */
    static void requireUnused(LoopReferences references, String id, String kind) {
        Optional<String> user = references.kindOf(id);
        if (user.isPresent()) {
            throw new ConflictingStepException("id '" + id + "' is already used by a " + user.get()
                    + ", so it cannot name a " + kind);
        }
    }
}
