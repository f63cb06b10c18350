package io.learningloop.problems;

import io.learningloop.contract.OrgUnits;
import io.learningloop.contract.events.DecisionCategory;
import java.time.LocalDate;

/** Checks of the filter parameters the read APIs share; each refusal names its parameter. */
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
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidQueryException("to", "must lie after from");
        }
    }
}
