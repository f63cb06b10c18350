package io.learningloop.analytics.metrics;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregate;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregationSource;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import io.learningloop.projection.elasticsearch.ConsistentReads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.UnaryOperator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads metric inputs from the indices: every value of a field for exact percentiles, documents cut to
 * the counted parts one page at a time (never a whole cohort in a list), or the distinct values of a
 * field page by page.
 */
@Component
public class MetricSource {

    private static final int PAGE = 10_000;

    private final ElasticsearchClient client;
    private final int page;

    /** @param page documents (or ids) per page of a cohort read: the integration tests set 1 to cross every page boundary */
    MetricSource(ElasticsearchClient client, @Value("${learning-loop.analytics.read-page:2000}") int page) {
        if (page < 1) {
            throw new IllegalArgumentException("learning-loop.analytics.read-page must be at least 1: " + page);
        }
        this.client = ConsistentReads.of(client);
        this.page = page;
    }

    /**
     * Documents per page of {@link #eachDocument}, and ids per page where a page of ids is read with its
     * documents: a few MB of records, and few enough round trips.
     */
    public int page() {
        return page;
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
                PAGE,
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
     * Each matching document's source, cut to {@code includes}, handed to {@code each} in the order of
     * {@code idField}: for signals that need parts of documents (a loop's reviews), not one value. They
     * read as the index's record with the parts left out empty or null. Only one page of {@link
     * #page()} documents is held at a time, so a cohort of any size passes through: callers fold
     * the documents into a running summary and must not collect them (a division's 250,000 loops as
     * records did not fit a 512 MiB heap).
     */
    <T extends Record> void eachDocument(
            String index, String idField, List<Query> filters, List<String> includes, Class<T> type, Each<T> each)
            throws IOException {
        eachHit(
                index,
                idField,
                filters,
                page,
                search -> search.source(source -> source.filter(filter -> filter.includes(includes))),
                type,
                hit -> each.accept(hit.source()));
    }

    /** What is done with each page: it may read again (a page of ids, then their documents). */
    @FunctionalInterface
    public interface Each<T> {
        void accept(T value) throws IOException;
    }

    /**
     * Every distinct value of a keyword field over the matching documents, in ascending order, a page of
     * at most {@code page} at a time: a composite aggregation paged by its after key, so neither side holds
     * more than one page however many values there are.
     */
    void eachDistinctPage(String index, String field, List<Query> filters, int page, Each<List<String>> each)
            throws IOException {
        NextPage<String> pages = distinctPages(index, field, filters, page);
        for (List<String> values = pages.next(); values != null; values = pages.next()) {
            each.accept(values);
        }
    }

    /** The pages of {@link #eachDistinctPage}, fetched one per call. */
    NextPage<String> distinctPages(String index, String field, List<Query> filters, int page) {
        return new NextPage<>() {
            private Map<String, FieldValue> after;
            private boolean done;

            @Override
            public List<String> next() throws IOException {
                if (done) {
                    return null;
                }
                Map<String, FieldValue> afterKey = after;
                SearchResponse<Void> response = client.search(
                        search -> search.index(index)
                                .size(0)
                                .trackTotalHits(track -> track.enabled(false))
                                .query(query -> query.bool(bool -> bool.filter(filters)))
                                .aggregations(
                                        "values",
                                        aggregation -> aggregation.composite(composite -> {
                                            composite
                                                    .size(page)
                                                    .sources(Map.of(
                                                            "value",
                                                            CompositeAggregationSource.of(source ->
                                                                    source.terms(terms -> terms.field(field)))));
                                            if (afterKey != null) {
                                                composite.after(afterKey);
                                            }
                                            return composite;
                                        })),
                        Void.class);
                CompositeAggregate values =
                        response.aggregations().get("values").composite();
                List<String> found = values.buckets().array().stream()
                        .map(bucket -> bucket.key().get("value").stringValue())
                        .toList();
                done = found.size() < page
                        || values.afterKey() == null
                        || values.afterKey().isEmpty();
                after = values.afterKey();
                return found.isEmpty() ? null : found;
            }
        };
    }

    /**
     * The matching documents as {@link #eachDocument} reads them, but pulled: a page is read when the
     * iterator reaches it, so an answer can be written out while it is read (a failed read surfaces as an
     * {@link UncheckedIOException}).
     */
    <T extends Record> Iterator<T> documents(
            String index, String idField, List<Query> filters, List<String> includes, Class<T> type) {
        NextPage<Hit<T>> hits = hitPages(
                index,
                idField,
                filters,
                page,
                search -> search.source(source -> source.filter(filter -> filter.includes(includes))),
                type);
        return paged(() -> {
            List<Hit<T>> found = hits.next();
            return found == null ? null : found.stream().map(Hit::source).toList();
        });
    }

    /** One page per call, null after the last. */
    @FunctionalInterface
    interface NextPage<T> {
        List<T> next() throws IOException;
    }

    /** The items of the pages, each page fetched when the iterator reaches it. */
    static <T> Iterator<T> paged(NextPage<T> pages) {
        return new Iterator<>() {
            private Iterator<T> page = Collections.emptyIterator();
            private boolean done;

            @Override
            public boolean hasNext() {
                while (!page.hasNext() && !done) {
                    try {
                        List<T> next = pages.next();
                        if (next == null) {
                            done = true;
                        } else {
                            page = next.iterator();
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return page.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.next();
            }
        };
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

    /** The earliest value of a date field over the matching documents (null when none has it). */
    Instant earliest(String index, String field, List<Query> filters) throws IOException {
        SearchResponse<Void> response = client.search(
                search -> search.index(index)
                        .size(0)
                        .trackTotalHits(track -> track.enabled(false))
                        .query(query -> query.bool(bool -> bool.filter(filters)))
                        .aggregations("earliest", aggregation -> aggregation.min(min -> min.field(field))),
                Void.class);
        double millis = response.aggregations().get("earliest").min().value();
        return Double.isFinite(millis) ? Instant.ofEpochMilli((long) millis) : null;
    }

    /**
     * Each live document of an index (it has {@code cohortField}, and is not retracted: {@link
     * Cohort#live}) that also matches {@code more}, in every org unit, cut to {@code includes}, one page at a
     * time as {@link #eachDocument}: for the verdict indices, which hold
     * every unit's reviews and lessons. Never for a caller's figure: those read a {@link Cohort}.
     */
    public <T extends Record> void eachLiveDocument(
            String index,
            String idField,
            String cohortField,
            List<Query> more,
            List<String> includes,
            Class<T> type,
            Each<T> each)
            throws IOException {
        List<Query> filters = Cohort.live(cohortField);
        filters.addAll(more);
        eachDocument(index, idField, filters, includes, type, each);
    }

    /** {@link #eachDistinctPage} over every live document of an index, for the verdict indices. */
    public void eachLiveDistinctPage(String index, String field, String cohortField, int page, Each<List<String>> each)
            throws IOException {
        eachDistinctPage(index, field, Cohort.live(cohortField), page, each);
    }

    /**
     * Every matching document, paged with search_after in the order of {@code idField} (a keyword unique
     * per document), so a cohort of any size is read whole.
     */
    private <T> void eachHit(
            String index,
            String idField,
            List<Query> filters,
            int page,
            UnaryOperator<SearchRequest.Builder> select,
            Class<T> type,
            Each<Hit<T>> each)
            throws IOException {
        NextPage<Hit<T>> pages = hitPages(index, idField, filters, page, select, type);
        for (List<Hit<T>> hits = pages.next(); hits != null; hits = pages.next()) {
            for (Hit<T> hit : hits) {
                each.accept(hit);
            }
        }
    }

    /** The pages of {@link #eachHit}, fetched one per call. */
    private <T> NextPage<Hit<T>> hitPages(
            String index,
            String idField,
            List<Query> filters,
            int page,
            UnaryOperator<SearchRequest.Builder> select,
            Class<T> type) {
        return new NextPage<>() {
            private List<FieldValue> after;
            private boolean done;

            @Override
            public List<Hit<T>> next() throws IOException {
                if (done) {
                    return null;
                }
                List<FieldValue> searchAfter = after;
                SearchResponse<T> response = client.search(
                        search -> {
                            select.apply(search.index(index))
                                    .query(query -> query.bool(bool -> bool.filter(filters)))
                                    .sort(sort ->
                                            sort.field(by -> by.field(idField).order(SortOrder.Asc)))
                                    .size(page)
                                    .trackTotalHits(track -> track.enabled(false));
                            if (searchAfter != null) {
                                search.searchAfter(searchAfter);
                            }
                            return search;
                        },
                        type);
                List<Hit<T>> hits = response.hits().hits();
                done = hits.size() < page;
                if (hits.isEmpty()) {
                    return null;
                }
                after = hits.get(hits.size() - 1).sort();
                return hits;
            }
        };
    }
}
