package io.learningloop.analytics.metrics;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonData;
import io.learningloop.readmodel.LoopDocument;
import io.learningloop.readmodel.OrgUnitDocument;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Which loops a metric covers: an org unit with everything below it, optionally one decision
 * category, and a period ({@code from} inclusive, {@code to} exclusive, UTC days) in which the loop
 * started, that is, in which the decision was made or the lesson recorded.
 */
record Cohort(String orgUnit, String category, LocalDate from, LocalDate to) {

    /**
     * Org unit (rolled up through orgUnitPath), category where it applies, and the cohort period; a
     * retracted loop or lesson counts in no metric.
     */
    List<Query> filters(String cohortField, boolean withCategory) {
        List<Query> filters = new ArrayList<>();
        filters.add(Query.of(query -> query.exists(exists -> exists.field(cohortField))));
        filters.add(Query.of(query -> query.bool(bool -> bool.mustNot(
                not -> not.term(term -> term.field(OrgUnitDocument.RETRACTED).value(true))))));
        if (orgUnit != null) {
            filters.add(Query.of(query ->
                    query.term(term -> term.field(OrgUnitDocument.ORG_UNIT_PATH).value(orgUnit))));
        }
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
}
