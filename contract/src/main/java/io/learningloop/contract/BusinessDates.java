package io.learningloop.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The dates a step may carry and a query may ask for: years 1900 to 2200, both included. Every store
 * holds them: PostgreSQL (4713 BC to 294276 AD), Elasticsearch's {@code date} fields, and every JSON
 * reader on the way, because a year of four digits needs no sign and no extended-year syntax (a
 * {@code +10000-01-01} passes Java but stalls an Elasticsearch projection, and year arithmetic near
 * the ends of Java's range overflows). The range is still wide enough for any backfilled history of
 * people's decisions and for any plan (a review, a due date) a person makes. Days are UTC.
 */
public final class BusinessDates {

    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2200;
    public static final LocalDate FIRST_DAY = LocalDate.of(FIRST_YEAR, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(LAST_YEAR, 12, 31);

    /** What a refusal says, the same wherever a date is refused. */
    public static final String RANGE_MESSAGE = "must lie in the years " + FIRST_YEAR + " to " + LAST_YEAR;

    private static final Instant FIRST_INSTANT =
            FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant END_INSTANT =
            LAST_DAY.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();

    private BusinessDates() {}

    public static boolean contains(LocalDate date) {
        return !date.isBefore(FIRST_DAY) && !date.isAfter(LAST_DAY);
    }

    public static boolean contains(Instant instant) {
        return !instant.isBefore(FIRST_INSTANT) && instant.isBefore(END_INSTANT);
    }

    public static boolean containsYear(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }
}
