package io.learningloop.analytics.metrics;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonData;
import io.learningloop.analytics.metrics.Reports.ConversionReport;
import io.learningloop.analytics.metrics.Reports.LatencyReport;
import io.learningloop.analytics.metrics.Reports.StageLatency;
import io.learningloop.infra.elasticsearch.Indices;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Computes stage latencies and learning conversion for a cohort from the loops and lessons indices. */
@Component
class LearningMetrics {

    static final String CONVERSION_DEFINITION = "lessons with at least one behaviour change citing them, divided by"
            + " lessons recorded, over the lessons recorded in the period in the org unit or below (a lesson counts"
            + " as converted whenever its change came, also after the period)";

    private final MetricSource source;
    private final Indices indices;

    LearningMetrics(MetricSource source, Indices indices) {
        this.source = source;
        this.indices = indices;
    }

    LatencyReport latency(Cohort cohort) throws IOException {
        List<StageLatency> stages = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            boolean categoryIgnored = cohort.category() != null && !stage.hasCategory;
            List<Query> filters = filters(cohort, stage.cohortField, !categoryIgnored);
            Percentiles percentiles = new Percentiles(
                    source.values(stage.index.apply(indices), stage.idField, filters, stage.latencyField));
            stages.add(new StageLatency(stage.wireName, percentiles.count(), percentiles.at(50), percentiles.at(90),
                    percentiles.at(99), stage.definition,
                    categoryIgnored ? "not filtered by category: lessons have none" : null));
        }
        return new LatencyReport(cohort, Percentiles.METHOD, stages);
    }

    ConversionReport conversion(Cohort cohort) throws IOException {
        List<Query> recorded = filters(cohort, "recordedAt", false);
        long lessons = source.count(indices.lessons(), recorded);
        List<Query> converted = new ArrayList<>(recorded);
        converted.add(Query.of(query -> query.term(term -> term.field("converted").value(true))));
        long withChange = source.count(indices.lessons(), converted);
        return new ConversionReport(cohort, lessons, withChange, lessons == 0 ? null : (double) withChange / lessons,
                CONVERSION_DEFINITION);
    }

    /**
     * Org unit (rolled up through orgUnitPath), category where it applies, and the cohort period; a
     * retracted loop or lesson counts in no metric.
     */
    private static List<Query> filters(Cohort cohort, String cohortField, boolean withCategory) {
        List<Query> filters = new ArrayList<>();
        filters.add(Query.of(query -> query.exists(exists -> exists.field(cohortField))));
        filters.add(Query.of(query -> query.bool(bool -> bool.mustNot(not -> not.term(term -> term.field("retracted")
                .value(true))))));
        if (cohort.orgUnit() != null) {
            filters.add(Query.of(query -> query.term(term -> term.field("orgUnitPath").value(cohort.orgUnit()))));
        }
        if (withCategory && cohort.category() != null) {
            filters.add(Query.of(query -> query.term(term -> term.field("category").value(cohort.category()))));
        }
        if (cohort.from() != null || cohort.to() != null) {
            filters.add(Query.of(query -> query.range(range -> range.untyped(untyped -> {
                untyped.field(cohortField);
                if (cohort.from() != null) {
                    untyped.gte(JsonData.of(cohort.from().toString()));
                }
                if (cohort.to() != null) {
                    untyped.lt(JsonData.of(cohort.to().toString()));
                }
                return untyped;
            }))));
        }
        return filters;
    }
}
