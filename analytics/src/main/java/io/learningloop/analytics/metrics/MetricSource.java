package io.learningloop.analytics.metrics;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import io.learningloop.projection.elasticsearch.ConsistentReads;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;

/** Reads metric inputs from the indices: every value of a field for exact percentiles, or documents cut to the counted parts. */
@Component
public class MetricSource {

    private static final int PAGE = 10_000;

    private final ElasticsearchClient client;

    MetricSource(ElasticsearchClient client) {
        this.client = ConsistentReads.of(client);
    }

    /** One document's value of a measured field, and whose it is (null when the document names no one). */
    record Measured(double value, String actor) {}

    /** Every value of a numeric field over the matching documents, with each document's actor, in the order of {@code idField}. */
    List<Measured> values(String index, String idField, List<Query> filters, String field, String actorField)
            throws IOException {
        List<Query> all = new ArrayList<>(filters);
        all.add(Query.of(query -> query.exists(exists -> exists.field(field))));
        List<Measured> values = new ArrayList<>();
        eachHit(
                index,
                idField,
                all,
                search -> search.source(source -> source.fetch(false))
                        .docvalueFields(docvalue -> docvalue.field(field))
                        .docvalueFields(docvalue -> docvalue.field(actorField)),
                Void.class,
                hit -> {
                    JsonData actor = hit.fields().get(actorField);
                    values.add(new Measured(
                            hit.fields().get(field).to(double[].class)[0],
                            actor == null ? null : actor.to(String[].class)[0]));
                });
        return values;
    }

    /**
     * The sources of the matching documents, cut to {@code includes}: for signals that need parts of
     * documents (a loop's reviews), not one value. They read as the index's record with the parts left
     * out empty or null.
     */
    <T extends Record> List<T> documents(
            String index, String idField, List<Query> filters, List<String> includes, Class<T> type)
            throws IOException {
        List<T> documents = new ArrayList<>();
        eachHit(
                index,
                idField,
                filters,
                search -> search.source(source -> source.filter(filter -> filter.includes(includes))),
                type,
                hit -> documents.add(hit.source()));
        return documents;
    }

    /** The distinct values of a keyword field over the matching documents (at most {@code MAX_TERMS}), sorted. */
    List<String> distinct(String index, String field, List<Query> filters) throws IOException {
        SearchResponse<Void> response = client.search(
                search -> search.index(index)
                        .size(0)
                        .query(query -> query.bool(bool -> bool.filter(filters)))
                        .aggregations(
                                "values",
                                aggregation -> aggregation.terms(
                                        terms -> terms.field(field).size(MAX_TERMS))),
                Void.class);
        return response.aggregations().get("values").sterms().buckets().array().stream()
                .map(bucket -> bucket.key().stringValue())
                .sorted()
                .toList();
    }

    static final int MAX_TERMS = 10_000;

    /**
     * Every live document of an index (it has {@code cohortField}, and is not retracted: {@link
     * Cohort#live}), in every org unit, cut to {@code includes}: for the verdict indices, which hold
     * every unit's reviews and lessons. Never for a caller's figure: those read a {@link Cohort}.
     */
    public <T extends Record> List<T> everyLiveDocument(
            String index, String idField, String cohortField, List<String> includes, Class<T> type) throws IOException {
        return documents(index, idField, Cohort.live(cohortField), includes, type);
    }

    /**
     * Every matching document, paged with search_after in the order of {@code idField} (a keyword unique
     * per document), so a cohort of any size is read whole.
     */
    private <T> void eachHit(
            String index,
            String idField,
            List<Query> filters,
            UnaryOperator<SearchRequest.Builder> select,
            Class<T> type,
            Consumer<Hit<T>> each)
            throws IOException {
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> searchAfter = after;
            SearchResponse<T> response = client.search(
                    search -> {
                        select.apply(search.index(index))
                                .query(query -> query.bool(bool -> bool.filter(filters)))
                                .sort(sort -> sort.field(by -> by.field(idField).order(SortOrder.Asc)))
                                .size(PAGE)
                                .trackTotalHits(track -> track.enabled(false));
                        if (searchAfter != null) {
                            search.searchAfter(searchAfter);
                        }
                        return search;
                    },
                    type);
            List<Hit<T>> hits = response.hits().hits();
            hits.forEach(each);
            if (hits.size() < PAGE) {
                return;
            }
            after = hits.get(hits.size() - 1).sort();
        }
    }
}
