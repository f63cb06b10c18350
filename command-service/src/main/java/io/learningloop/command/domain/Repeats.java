package io.learningloop.command.domain;

import io.learningloop.command.commands.Stamp;
import io.learningloop.command.commands.StepAccepted;
import io.learningloop.contract.LoopStep;
import io.learningloop.contract.events.LoopEvent;
import java.util.Optional;

/**
 * Tools retry. A step posted again with exactly the same content is answered with the original
 * event id and changes nothing; the same id with other content is a conflict.
 */
final class Repeats {

    private Repeats() {}

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

    /** Ids are unique across kinds of step: refuses an id another kind of step already uses. */
    static void requireUnused(LoopReferences references, String id, LoopStep kind) {
        Optional<String> user = references.kindOf(id);
        if (user.isPresent()) {
            throw new ConflictingStepException(
                    "id '" + id + "' is already used by a " + user.get() + ", so it cannot name a " + kind.label());
        }
    }
}
