package io.learningloop.query.loops;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import io.learningloop.projection.elasticsearch.ConsistentReads;
import io.learningloop.projection.elasticsearch.Indices;
import io.learningloop.readmodel.EventDocument;
import io.learningloop.readmodel.LoopDocument;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Reads loops and their timelines from Elasticsearch. */
@Component
class LoopSearch {

    /** A timeline longer than this is cut; a loop has a handful of steps, so this is a safety net. */
    private static final int TIMELINE_LIMIT = 1_000;

    private final ElasticsearchClient client;
    private final Indices indices;

    LoopSearch(ElasticsearchClient client, Indices indices) {
        this.client = ConsistentReads.of(client);
        this.indices = indices;
    }

    record Page(long total, List<LoopDocument> loops) {}

    /** A loop whose decision has been recorded; a loop still waiting for its decision is not shown. */
    Optional<LoopDocument> loop(String decisionId) throws IOException {
        var response = client.get(request -> request.index(indices.loops()).id(decisionId), LoopDocument.class);
        return Optional.ofNullable(response.source()).filter(loop -> loop.decidedAt() != null);
    }

    /** Every event of the loop, in business-time order. */
    List<EventDocument> timeline(String decisionId) throws IOException {
        SearchResponse<EventDocument> response = client.search(
                search -> search.index(indices.events())
                        .query(query -> query.term(
                                term -> term.field(EventDocument.DECISION_IDS).value(decisionId)))
                        .sort(sort -> sort.field(
                                field -> field.field(EventDocument.OCCURRED_AT).order(SortOrder.Asc)))
                        .sort(sort -> sort.field(
                                field -> field.field(EventDocument.RECORDED_AT).order(SortOrder.Asc)))
                        .size(TIMELINE_LIMIT),
                EventDocument.class);
        return response.hits().hits().stream().map(Hit::source).toList();
    }

    Page search(LoopCriteria criteria) throws IOException {
        List<Query> filters = new ArrayList<>();
        filters.add(Query.of(query -> query.exists(exists -> exists.field(LoopDocument.DECIDED_AT))));
        filters.add(Query.of(query -> query.terms(terms -> terms.field(LoopDocument.ORG_UNIT_PATH)
                .terms(values -> values.value(criteria.orgUnits().stream()
                        .map(co.elastic.clients.elasticsearch._types.FieldValue::of)
                        .toList())))));
        if (criteria.category() != null) {
            filters.add(term(LoopDocument.CATEGORY, criteria.category()));
        }
        if (criteria.stage() != null) {
            filters.add(term(LoopDocument.STAGE, criteria.stage().wireName()));
        } else {
            // A retracted loop counts nowhere: it is listed only for whoever asks for stage=retracted.
            filters.add(Query.of(query -> query.bool(bool -> bool.mustNot(term(LoopDocument.RETRACTED, true)))));
        }
        if (criteria.from() != null || criteria.to() != null) {
            filters.add(Query.of(query -> query.range(range -> range.untyped(untyped -> {
                untyped.field(LoopDocument.DECIDED_AT);
                if (criteria.from() != null) {
                    untyped.gte(JsonData.of(criteria.from().toString()));
                }
                if (criteria.to() != null) {
                    untyped.lt(JsonData.of(criteria.to().toString()));
                }
                return untyped;
            }))));
        }
        SearchResponse<LoopDocument> response = client.search(
                search -> search.index(indices.loops())
                        .query(query -> query.bool(bool -> bool.filter(filters)))
                        .sort(sort -> sort.field(
                                field -> field.field(LoopDocument.DECIDED_AT).order(SortOrder.Desc)))
                        .sort(sort -> sort.field(
                                field -> field.field(LoopDocument.DECISION_ID).order(SortOrder.Asc)))
                        .from(criteria.page() * criteria.size())
                        .size(criteria.size())
                        .trackTotalHits(track -> track.enabled(true)),
                LoopDocument.class);
        return new Page(
                response.hits().total() == null ? 0 : response.hits().total().value(),
                response.hits().hits().stream().map(Hit::source).toList());
    }

    private static Query term(String field, String value) {
        return Query.of(query -> query.term(term -> term.field(field).value(value)));
    }

    private static Query term(String field, boolean value) {
        return Query.of(query -> query.term(term -> term.field(field).value(value)));
    }
}
