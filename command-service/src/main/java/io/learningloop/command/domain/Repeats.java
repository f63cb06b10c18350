package io.learningloop.command.domain;

import io.learningloop.command.commands.Stamp;
import io.learningloop.command.commands.StepAccepted;
import io.learningloop.contract.LoopStep;
import io.learningloop.contract.events.LoopEvent;
import java.util.Optional;
import org.axonframework.modelling.command.AggregateStreamCreationException;

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

    /**
     * Ids are unique across kinds of step: refuses an id another kind of step already uses. The same
     * kind under the id means another request is creating this very step at this moment (had it been
     * created before, its aggregate would have been loaded and this creation never tried): that is a
     * concurrent creation, answered "retry" (409 {@code concurrent-step}), and the retry finds it
     * recorded, or a conflict if its content differs. Seen with two instances posting one step at once.
     */
    static void requireUnused(LoopReferences references, String id, LoopStep kind) {
        Optional<String> user = references.kindOf(id);
        if (user.isPresent() && user.get().equals(kind.label())) {
            throw new AggregateStreamCreationException(
                    "another request created the " + kind.label() + " '" + id + "' at the same time; retry");
        }
        if (user.isPresent()) {
            throw new ConflictingStepException(
                    "id '" + id + "' is already used by a " + user.get() + ", so it cannot name a " + kind.label());
        }
    }
}
