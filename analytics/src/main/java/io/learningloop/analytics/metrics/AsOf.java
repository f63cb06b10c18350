package io.learningloop.analytics.metrics;

import io.learningloop.contract.DueDates;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The moment an answer is computed for. A planned check-in or an action's due date that passed by then
 * counts as missed or overdue, whether or not the platform has recorded {@code CheckInMissed} or
 * {@code ActionOverdue} yet: a backfill's old dates count at once, and the events, when they come, move
 * no figure. The tolerance must be the command service's ({@code LL_CHECK_IN_TOLERANCE} on both).
 */
record AsOf(Instant instant, Duration checkInTolerance) {

    boolean checkInMissed(LocalDate scheduledFor) {
        return !DueDates.checkInMissedAt(scheduledFor, checkInTolerance).isAfter(instant);
    }

    boolean actionOverdue(LocalDate dueDate) {
        return !DueDates.actionOverdueAt(dueDate).isAfter(instant);
    }
}
