package io.learningloop.command.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * When the platform checks a due date. Normally at the end of the due day; but history is backfilled,
 * and a due date that passed years ago must not be declared missed before the backfill had a chance
 * to post what happened, so a check is never sooner than {@code backfillGrace} after the step arrived.
 */
public record DeadlinePolicy(Duration backfillGrace) {

    Instant checkAt(Instant dueEnd, Instant recordedAt) {
        Instant earliest = recordedAt.plus(backfillGrace);
        return dueEnd.isAfter(earliest) ? dueEnd : earliest;
    }
}
