package io.learningloop.analytics.metrics;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.AggregationRange;
import co.elastic.clients.elasticsearch._types.aggregations.DoubleTermsBucket;
import co.elastic.clients.elasticsearch._types.aggregations.RangeBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.MsearchRequest;
import co.elastic.clients.elasticsearch.core.MsearchResponse;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.elasticsearch.core.msearch.MultisearchBody;
import co.elastic.clients.elasticsearch.core.msearch.RequestItem;
import co.elastic.clients.elasticsearch.core.search.ResponseBody;
import co.elastic.clients.json.JsonData;
import co.elastic.clients.util.NamedValue;
import io.learningloop.projection.elasticsearch.ConsistentReads;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Exact nearest-rank percentiles, counts and the minimum-group check of a numeric field, answered by
 * Elasticsearch aggregations instead of fetching every value ({@link MetricSource#values} reads a whole
 * cohort: linear in it, 571 ms over 100,000 loops). The answers are the same values {@link Percentiles}
 * finds in the sorted list, found in two or three passes:
 *
 * <ol>
 *   <li>one search per measured population: the exact count (track_total_hits), at most {@code k}
 *       distinct actors (a terms aggregation of size k: it returns min(k, distinct) buckets, exactly, on
 *       any number of shards, so "at least k people" is decided exactly, never estimated), and a range
 *       aggregation over fixed log-spaced bins ({@link #EDGES});
 *   <li>for each asked rank r: the bin that holds it (cumulative counts), then the bin's smallest
 *       distinct values in ascending order with their counts (a terms aggregation ordered by key: exact,
 *       whatever the shard count), walked until r is reached;
 *   <li>only when a bin holds more than {@link #TERMS} distinct values before rank r: the bin is cut
 *       into {@link #SLICES} equal slices between its min and max and step 2 repeats on the slice.
 * </ol>
 *
 * A bin is selected by a range query {@code from <= v < to} on a double field, and the bins of step 1
 * count {@code from <= v < to} with the same doubles: the two agree exactly. Each pass is one _msearch,
 * so all populations and ranks of an answer go in the same round trips.
 */
@Component
class RankedValues {

    /** Distinct values per terms page: bins of {@link #EDGES} hold far fewer on realistic data. */
    static final int TERMS = 10_000;

    static final int SLICES = 1_000;

    /**
     * Bin edges: 0 and +-2^(i/16) days for 2^-16 .. 2^16 days (1.3 seconds .. 179 years), each bin 4.4 %
     * wide; the first and last bins are open-ended, so every double falls in exactly one bin.
     */
    static final double[] EDGES = edges();

    /** For the _msearch, whose searches carry the shared preference in their headers (see {@link #item}). */
    private final ElasticsearchClient client;

    private final ElasticsearchClient reads;

    RankedValues(ElasticsearchClient client) {
        this.client = client;
        this.reads = ConsistentReads.of(client);
    }

    /** One measured population: the documents of {@code index} matching {@code filters} that have {@code field}. */
    record Population(String index, List<Query> filters, String field, String actorField) {
        List<Query> measured() {
            List<Query> all = new ArrayList<>(filters);
            all.add(Query.of(query -> query.exists(exists -> exists.field(field))));
            return all;
        }
    }

    /**
     * @param count the values measured (documents with the field)
     * @param people distinct actors of those documents, exactly, but counted only up to the k asked
     * @param percentiles the nearest-rank value at each asked percent, in the order asked (null when count is 0)
     */
    record Ranked(long count, long people, List<Double> percentiles) {}

    /** The count, people (up to {@code k}) and nearest-rank percentiles of every population, in order. */
    List<Ranked> rank(List<Population> populations, int k, double... percents) throws IOException {
        List<ResponseBody<Void>> firsts =
                msearch(populations.size(), i -> item(populations.get(i), first(populations.get(i), k)));
        List<Long> counts = new ArrayList<>();
        List<Long> people = new ArrayList<>();
        List<Window> windows = new ArrayList<>();
        for (int p = 0; p < populations.size(); p++) {
            ResponseBody<Void> first = firsts.get(p);
            long count = first.hits().total().value();
            counts.add(count);
            people.add((long) first.aggregations()
                    .get("people")
                    .sterms()
                    .buckets()
                    .array()
                    .size());
            List<RangeBucket> bins =
                    first.aggregations().get("bins").range().buckets().array();
            for (double percent : percents) {
                windows.add(count == 0 ? null : Window.holding(p, rankOf(percent, count), bins));
            }
        }
        List<Double> values = find(populations, windows);
        List<Ranked> ranked = new ArrayList<>();
        for (int p = 0; p < populations.size(); p++) {
            int from = p * percents.length;
            ranked.add(new Ranked(counts.get(p), people.get(p), values.subList(from, from + percents.length)));
        }
        return ranked;
    }

    /** The nearest rank of {@code percent} among {@code count} values (1-based), as {@link Percentiles#at}. */
    static long rankOf(double percent, long count) {
        if (percent <= 0 || percent > 100) {
            throw new IllegalArgumentException("percent must lie in (0, 100]: " + percent);
        }
        return Math.max((long) Math.ceil(percent / 100.0 * count), 1);
    }

    /**
     * Values in {@code [from, to)} (a null bound is open) of one population, {@code rank} the 1-based rank
     * sought among them; {@code count} of them in all.
     */
    private record Window(int population, Double from, Double to, long rank, long count) {
        static Window holding(int population, long rank, List<RangeBucket> bins) {
            long below = 0;
            for (RangeBucket bin : bins) {
                if (below + bin.docCount() >= rank) {
                    return new Window(population, bin.from(), bin.to(), rank - below, bin.docCount());
                }
                below += bin.docCount();
            }
            throw new IllegalStateException("rank " + rank + " beyond the " + below + " values binned");
        }

        Query range(String field) {
            return Query.of(query -> query.range(range -> range.untyped(untyped -> {
                untyped.field(field);
                if (from != null) {
                    untyped.gte(JsonData.of(from));
                }
                if (to != null) {
                    untyped.lt(JsonData.of(to));
                }
                return untyped;
            })));
        }
    }

    /** The value at each window's rank (null for a null window), walking the windows' smallest distinct values. */
    private List<Double> find(List<Population> populations, List<Window> windows) throws IOException {
        List<Double> found = new ArrayList<>(Collections.nCopies(windows.size(), (Double) null));
        List<Integer> open = new ArrayList<>();
        for (int w = 0; w < windows.size(); w++) {
            if (windows.get(w) != null) {
                open.add(w);
            }
        }
        while (!open.isEmpty()) {
            List<Integer> asked = open;
            List<ResponseBody<Void>> pages = msearch(asked.size(), i -> {
                Window window = windows.get(asked.get(i));
                Population population = populations.get(window.population());
                return item(population, smallest(population, window));
            });
            List<Integer> sliced = new ArrayList<>();
            for (int i = 0; i < asked.size(); i++) {
                int w = asked.get(i);
                Window window = windows.get(w);
                Double value = walk(
                        pages.get(i)
                                .aggregations()
                                .get("values")
                                .dterms()
                                .buckets()
                                .array(),
                        window.rank());
                if (value != null) {
                    found.set(w, value);
                } else {
                    sliced.add(w);
                }
            }
            for (int w : sliced) {
                windows.set(w, slice(populations.get(windows.get(w).population()), windows.get(w)));
            }
            open = sliced;
        }
        return found;
    }

    /** The value at {@code rank} among distinct values in ascending order with their counts, or null beyond them. */
    private static Double walk(List<DoubleTermsBucket> ascending, long rank) {
        long seen = 0;
        for (DoubleTermsBucket value : ascending) {
            seen += value.docCount();
            if (seen >= rank) {
                return value.key();
            }
        }
        return null;
    }

    /** A window with more distinct values than a terms page before its rank, narrowed to the slice holding the rank. */
    private Window slice(Population population, Window window) throws IOException {
        List<Query> inWindow = new ArrayList<>(population.measured());
        inWindow.add(window.range(population.field()));
        ResponseBody<Void> stats = reads.search(
                search -> search.index(population.index())
                        .size(0)
                        .query(query -> query.bool(bool -> bool.filter(inWindow)))
                        .aggregations("stats", aggregation -> aggregation.stats(s -> s.field(population.field()))),
                Void.class);
        double min = stats.aggregations().get("stats").stats().min();
        double max = stats.aggregations().get("stats").stats().max();
        List<AggregationRange> ranges = new ArrayList<>();
        double width = (max - min) / SLICES;
        // more than TERMS distinct values lie in the window, so min < max and the slices are not empty
        for (int s = 0; s < SLICES; s++) {
            Double from = s == 0 ? null : min + s * width;
            Double to = s == SLICES - 1 ? null : min + (s + 1) * width;
            ranges.add(AggregationRange.of(range -> range.from(from).to(to)));
        }
        ResponseBody<Void> sliced = reads.search(
                search -> search.index(population.index())
                        .size(0)
                        .query(query -> query.bool(bool -> bool.filter(inWindow)))
                        .aggregations(
                                "bins",
                                aggregation -> aggregation.range(
                                        range -> range.field(population.field()).ranges(ranges))),
                Void.class);
        Window narrowed = Window.holding(
                window.population(),
                window.rank(),
                sliced.aggregations().get("bins").range().buckets().array());
        // the open ends of the slices stand for the window's own bounds
        return new Window(
                narrowed.population(),
                narrowed.from() == null ? window.from() : narrowed.from(),
                narrowed.to() == null ? window.to() : narrowed.to(),
                narrowed.rank(),
                narrowed.count());
    }

    private static MultisearchBody first(Population population, int k) {
        return MultisearchBody.of(body -> body.size(0)
                .trackTotalHits(track -> track.enabled(true))
                .query(query -> query.bool(bool -> bool.filter(population.measured())))
                .aggregations(
                        "people",
                        Aggregation.of(aggregation -> aggregation.terms(
                                terms -> terms.field(population.actorField()).size(Math.max(k, 1)))))
                .aggregations(
                        "bins",
                        Aggregation.of(aggregation -> aggregation.range(
                                range -> range.field(population.field()).ranges(BINS)))));
    }

    private static MultisearchBody smallest(Population population, Window window) {
        List<Query> inWindow = new ArrayList<>(population.measured());
        inWindow.add(window.range(population.field()));
        return MultisearchBody.of(body -> body.size(0)
                .trackTotalHits(track -> track.enabled(false))
                .query(query -> query.bool(bool -> bool.filter(inWindow)))
                .aggregations(
                        "values",
                        Aggregation.of(aggregation -> aggregation.terms(terms -> terms.field(population.field())
                                .size((int) Math.min(TERMS, Math.max(window.count(), 1)))
                                .order(List.of(NamedValue.of("_key", SortOrder.Asc)))))));
    }

    private static RequestItem item(Population population, MultisearchBody body) {
        return RequestItem.of(
                item -> item.header(header -> header.index(population.index()).preference(ConsistentReads.PREFERENCE))
                        .body(body));
    }

    /** One _msearch of {@code n} searches (search i from {@code itemOf}); a failed search fails the answer. */
    private List<ResponseBody<Void>> msearch(int n, Function<Integer, RequestItem> itemOf) throws IOException {
        List<RequestItem> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add(itemOf.apply(i));
        }
        MsearchResponse<Void> response =
                client.msearch(MsearchRequest.of(msearch -> msearch.searches(items)), Void.class);
        List<ResponseBody<Void>> bodies = new ArrayList<>();
        for (MultiSearchResponseItem<Void> item : response.responses()) {
            if (item.isFailure()) {
                throw new IOException("a search of the percentiles failed: "
                        + item.failure().error().reason());
            }
            bodies.add(item.result());
        }
        return bodies;
    }

    private static final List<AggregationRange> BINS = bins();

    private static List<AggregationRange> bins() {
        List<AggregationRange> bins = new ArrayList<>();
        for (int e = 0; e <= EDGES.length; e++) {
            Double from = e == 0 ? null : EDGES[e - 1];
            Double to = e == EDGES.length ? null : EDGES[e];
            bins.add(AggregationRange.of(range -> range.from(from).to(to)));
        }
        return bins;
    }

    private static double[] edges() {
        List<Double> edges = new ArrayList<>();
        for (int i = 16 * 16; i >= -16 * 16; i--) {
            edges.add(-Math.pow(2, i / 16.0));
        }
        edges.add(0.0);
        for (int i = -16 * 16; i <= 16 * 16; i++) {
            edges.add(Math.pow(2, i / 16.0));
        }
        return edges.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
