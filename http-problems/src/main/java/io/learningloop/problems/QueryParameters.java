package io.learningloop.problems;

import io.learningloop.contract.BusinessDates;
import io.learningloop.contract.OrgUnits;
import io.learningloop.contract.StepIds;
import io.learningloop.contract.events.DecisionCategory;
import java.time.LocalDate;

/**
 * Checks of the parameters the read APIs share, by the rules the command side admits steps with (ids,
 * org units, {@link BusinessDates}): what no step can hold is refused before it reaches an index. Each
 * refusal names its parameter.
 */
public final class QueryParameters {

    private QueryParameters() {}

    /** Org unit path, category wire name and a {@code [from, to)} period, each optional. */
    public static void check(String orgUnit, String category, LocalDate from, LocalDate to) {
        if (orgUnit != null && !OrgUnits.isValid(orgUnit)) {
            throw new InvalidQueryException("orgUnit", "must be a lower-case path such as acme/eng");
        }
        if (category != null) {
            try {
                DecisionCategory.fromWireName(category);
            } catch (IllegalArgumentException e) {
                throw new InvalidQueryException("category", e.getMessage());
            }
        }
        checkDate("from", from);
        checkDate("to", to);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidQueryException("to", "must lie after from");
        }
    }

    /** The id of a step, as a path parameter: the alphabet and length steps are admitted with. */
    public static void checkId(String parameter, String id) {
        if (!StepIds.isValid(id)) {
            throw new InvalidQueryException(parameter, StepIds.MESSAGE);
        }
    }

    /** A year of a report, when given. */
    public static void checkYear(String parameter, Integer year) {
        if (year != null && !BusinessDates.containsYear(year)) {
            throw new InvalidQueryException(parameter, BusinessDates.RANGE_MESSAGE);
        }
    }

    /**
     * A page of at most {@code maxSize} results within the first {@code window} results; computed in
     * {@code long}, so that {@code page=2147483647} is refused instead of overflowing into a valid page.
     */
    public static void checkPage(int page, int size, int maxSize, int window) {
        if (page < 0 || size < 1 || size > maxSize || ((long) page + 1) * size > window) {
            throw new InvalidQueryException(
                    "size",
                    "page >= 0, 1 <= size <= " + maxSize + ", and at most the first " + String.format("%,d", window)
                            + " results can be paged through");
        }
    }

    private static void checkDate(String parameter, LocalDate date) {
        if (date != null && !BusinessDates.contains(date)) {
            throw new InvalidQueryException(parameter, BusinessDates.RANGE_MESSAGE);
        }
    }
}
