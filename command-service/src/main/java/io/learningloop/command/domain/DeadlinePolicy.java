package io.learningloop.command.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * When the platform checks a due date. Normally at the end of the due day; but history is backfilled,
 * and a due date that passed years ago must not be declared missed before the backfill had a chance
 * to post what happened, so a check is never sooner than {@code backfillGrace} after the step arrived.
 * A check-in counts as missed only {@code checkInTolerance} after the end of its planned day.
 */
public record DeadlinePolicy(Duration backfillGrace, Duration checkInTolerance) {

    Instant checkAt(Instant dueEnd, Instant recordedAt) {
        Instant earliest = recordedAt.plus(backfillGrace);
        return dueEnd.isAfter(earliest) ? dueEnd : earliest;
    }
}
