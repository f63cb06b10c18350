package io.learningloop.contract;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * When a planned check-in counts as missed and an action as overdue: facts of business time, the same
 * for the command side that records them ({@code CheckInMissed}, {@code ActionOverdue}) and for every
 * reader that counts them. A reader never waits for those events to count a date that has passed: a
 * backfill's old dates count at once, and the events, when the platform records them, change no figure.
 * Days end at midnight UTC.
 */
public final class DueDates {

    /** The platform's default: a check-in may be held up to three days after its planned day. */
    public static final Duration DEFAULT_CHECK_IN_TOLERANCE = Duration.ofDays(3);

    private DueDates() {}

    /** The moment a check-in planned for {@code scheduledFor} and not held counts as missed. */
    public static Instant checkInMissedAt(LocalDate scheduledFor, Duration tolerance) {
        return endOf(scheduledFor).plus(tolerance);
    }

    /** The moment an action due on {@code dueDate} and neither completed nor dropped counts as overdue. */
    public static Instant actionOverdueAt(LocalDate dueDate) {
        return endOf(dueDate);
    }

    private static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
