package io.learningloop.analytics.evidence;

import io.learningloop.access.Caller;
import io.learningloop.contract.BusinessDates;
import io.learningloop.problems.InvalidQueryException;
import io.learningloop.problems.QueryParameters;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * What an evidence answer covers: decisions made in {@code year} (UTC) in {@code orgUnits} or below (the
 * asked unit narrowed to the caller's, {@link Caller#unitsToRead}), lessons recorded in
 * {@code [learnedFrom, learnedTo)} in any unit, the first {@code limit} chains. {@code keyUnits}: the
 * key's own roots, which decide whose free text the caller may read.
 */
public record EvidenceRequest(
        String orgUnit,
        List<String> orgUnits,
        List<String> keyUnits,
        int year,
        LocalDate learnedFrom,
        LocalDate learnedTo,
        int limit) {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1_000;

    public EvidenceRequest {
        orgUnits = List.copyOf(orgUnits);
        keyUnits = List.copyOf(keyUnits);
    }

    /**
     * Checks the parameters as every read API does (RFC 9457 problems naming the parameter); the learned
     * period defaults to the calendar year before {@code year}, and a bound given alone keeps the default
     * of the other.
     */
    static EvidenceRequest of(
            Caller caller, String orgUnit, Integer year, LocalDate learnedFrom, LocalDate learnedTo, Integer limit) {
        if (year == null) {
            throw new InvalidQueryException("year", "is required: the year the decisions were made in");
        }
        QueryParameters.checkYear("year", year);
        LocalDate from = learnedFrom != null ? learnedFrom : LocalDate.of(year - 1, 1, 1);
        LocalDate to = learnedTo != null ? learnedTo : LocalDate.of(year, 1, 1);
        QueryParameters.check(orgUnit, null, null, null);
        checkDay("learnedFrom", learnedFrom);
        checkDay("learnedTo", learnedTo);
        if (!from.isBefore(to)) {
            throw new InvalidQueryException(
                    learnedTo != null ? "learnedTo" : "learnedFrom", "the learned period must end after it starts");
        }
        int max = limit != null ? limit : DEFAULT_LIMIT;
        if (max < 1 || max > MAX_LIMIT) {
            throw new InvalidQueryException("limit", "must lie between 1 and " + MAX_LIMIT);
        }
        return new EvidenceRequest(orgUnit, caller.unitsToRead(orgUnit), caller.orgUnits(), year, from, to, max);
    }

    /**
     * For the staff report: decisions of {@code year} in {@code orgUnits} (already narrowed to the
     * reader's), lessons of the year before, the first {@code limit} chains.
     */
    public static EvidenceRequest ofYear(
            String orgUnit, List<String> orgUnits, List<String> keyUnits, int year, int limit) {
        return new EvidenceRequest(
                orgUnit, orgUnits, keyUnits, year, LocalDate.of(year - 1, 1, 1), LocalDate.of(year, 1, 1), limit);
    }

    private static void checkDay(String parameter, LocalDate day) {
        if (day != null && !BusinessDates.contains(day)) {
            throw new InvalidQueryException(parameter, BusinessDates.RANGE_MESSAGE);
        }
    }

    Instant decidedFrom() {
        return LocalDate.of(year, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    Instant decidedTo() {
        return LocalDate.of(year + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    Instant learnedFromInstant() {
        return learnedFrom.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    Instant learnedToInstant() {
        return learnedTo.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The caller's key may read the free text of a step in this unit. */
    boolean mayReadTextOf(String unit) {
        return Caller.covers(keyUnits, unit);
    }
}
