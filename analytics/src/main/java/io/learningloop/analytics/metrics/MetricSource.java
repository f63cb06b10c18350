package io.learningloop.analytics.metrics;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Reads metric inputs from the indices: counts, and every value of a field for exact percentiles. */
@Component
class MetricSource {

    private static final int PAGE = 10_000;

    private final ElasticsearchClient client;

    MetricSource(ElasticsearchClient client) {
        this.client = client;
    }

    /**
     * Every value of a numeric field over the matching documents, paged with search_after in the
     * order of {@code idField} (a keyword unique per document).
     */
    List<Double> values(String index, String idField, List<Query> filters, String field) throws IOException {
        List<Query> all = new ArrayList<>(filters);
        all.add(Query.of(query -> query.exists(exists -> exists.field(field))));
        List<Double> values = new ArrayList<>();
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> searchAfter = after;
            SearchResponse<Void> response = client.search(search -> {
                search.index(index)
                        .query(query -> query.bool(bool -> bool.filter(all)))
                        .source(source -> source.fetch(false))
                        .docvalueFields(docvalue -> docvalue.field(field))
                        .sort(sort -> sort.field(by -> by.field(idField).order(SortOrder.Asc)))
                        .size(PAGE)
                        .trackTotalHits(track -> track.enabled(false));
                if (searchAfter != null) {
                    search.searchAfter(searchAfter);
                }
                return search;
            }, Void.class);
            List<Hit<Void>> hits = response.hits().hits();
            for (Hit<Void> hit : hits) {
                JsonData value = hit.fields().get(field);
                values.add(value.to(double[].class)[0]);
            }
            if (hits.size() < PAGE) {
                return values;
            }
            after = hits.get(hits.size() - 1).sort();
        }
    }

    /**
     * The sources of the matching documents, cut to {@code includes}, paged with search_after in the
     * order of {@code idField}: for signals that need parts of documents (a loop's reviews), not one value.
     */
    List<JsonNode> documents(String index, String idField, List<Query> filters, List<String> includes)
            throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> searchAfter = after;
            SearchResponse<JsonNode> response = client.search(search -> {
                search.index(index)
                        .query(query -> query.bool(bool -> bool.filter(filters)))
                        .source(source -> source.filter(filter -> filter.includes(includes)))
                        .sort(sort -> sort.field(by -> by.field(idField).order(SortOrder.Asc)))
                        .size(PAGE)
                        .trackTotalHits(track -> track.enabled(false));
                if (searchAfter != null) {
                    search.searchAfter(searchAfter);
                }
                return search;
            }, JsonNode.class);
            List<Hit<JsonNode>> hits = response.hits().hits();
            hits.forEach(hit -> documents.add(hit.source()));
            if (hits.size() < PAGE) {
                return documents;
            }
            after = hits.get(hits.size() - 1).sort();
        }
    }

    long count(String index, List<Query> filters) throws IOException {
        return client.count(count -> count.index(index).query(query -> query.bool(bool -> bool.filter(filters))))
                .count();
    }
}
