package io.learningloop.analytics.metrics;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonData;
import com.fasterxml.jackson.annotation.JsonIgnore;
import io.learningloop.readmodel.LoopDocument;
import io.learningloop.readmodel.OrgUnitDocument;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Which loops a metric covers: the org-unit subtrees the caller may read for the unit it asked for
 * ({@code orgUnits}, from {@code Caller.unitsToRead}: the asked unit, or the key's roots below it), with
 * everything below them, optionally one decision category, and a period ({@code from} inclusive,
 * {@code to} exclusive, UTC days) in which the loop started, that is, in which the decision was made or
 * the lesson recorded. The answer echoes the unit asked ({@code orgUnit}, null when none was), not the
 * key's units: those are the key's business.
 */
record Cohort(String orgUnit, @JsonIgnore List<String> orgUnits, String category, LocalDate from, LocalDate to) {

    public Cohort {
        orgUnits = List.copyOf(orgUnits);
    }

    /** The same cohort over another period: a year of the trends. */
    Cohort during(LocalDate from, LocalDate to) {
        return new Cohort(orgUnit, orgUnits, category, from, to);
    }

    /**
     * Org units (rolled up through orgUnitPath: a terms query matches a document below any of them), category where it applies, and the cohort period; a
     * retracted loop or lesson counts in no metric.
     */
    List<Query> filters(String cohortField, boolean withCategory) {
        List<Query> filters = live(cohortField);
        // No units read nothing (a key without units), never everything.
        filters.add(Query.of(query -> query.terms(terms -> terms.field(OrgUnitDocument.ORG_UNIT_PATH)
                .terms(values ->
                        values.value(orgUnits.stream().map(FieldValue::of).toList())))));
        if (withCategory && category != null) {
            filters.add(Query.of(query ->
                    query.term(term -> term.field(LoopDocument.CATEGORY).value(category))));
        }
        if (from != null || to != null) {
            filters.add(Query.of(query -> query.range(range -> range.untyped(untyped -> {
                untyped.field(cohortField);
                if (from != null) {
                    untyped.gte(JsonData.of(from.toString()));
                }
                if (to != null) {
                    untyped.lt(JsonData.of(to.toString()));
                }
                return untyped;
            }))));
        }
        return filters;
    }

    /** The documents that count at all, in any unit: they have the cohort field and are not retracted. */
    static List<Query> live(String cohortField) {
        List<Query> filters = new ArrayList<>();
        filters.add(Query.of(query -> query.exists(exists -> exists.field(cohortField))));
        filters.add(Query.of(query -> query.bool(bool -> bool.mustNot(
                not -> not.term(term -> term.field(OrgUnitDocument.RETRACTED).value(true))))));
        return filters;
    }
}
