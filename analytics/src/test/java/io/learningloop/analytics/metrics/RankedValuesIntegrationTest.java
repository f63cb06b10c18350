package io.learningloop.analytics.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import io.learningloop.testsupport.AdminElasticsearch;
import io.learningloop.testsupport.LocalStack;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link RankedValues} against the real Elasticsearch: its percentiles must be exactly the ones {@link
 * Percentiles} finds by sorting the same values in Java, also on the shapes that test its passes: ties,
 * negatives and zero, a value on a bin edge, a bin with more distinct values than one terms page (so a
 * rank beyond the page is found by slicing), the open-ended outer bins; and "people" must be the exact
 * distinct count up to k.
 */
class RankedValuesIntegrationTest {

    static final String INDEX = LocalStack.uniqueName("it-ranked-");
    static ElasticsearchClient client;
    static final List<Double> VALUES = new ArrayList<>();
    static final double[] PERCENTS = {0.01, 1, 10, 25, 50, 75, 80, 90, 95, 99, 99.99, 100};

    @BeforeAll
    static void index() throws IOException {
        client = AdminElasticsearch.client();
        client.indices()
                .create(create -> create.index(INDEX)
                        .mappings(mappings -> mappings.properties("v", p -> p.double_(d -> d))
                                .properties("actor", p -> p.keyword(k -> k))
                                .properties("group", p -> p.keyword(k -> k))));
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 5_000; i++) {
            VALUES.add(random.nextDouble() * 50); // spread over many bins
        }
        for (int i = 0; i < 12_000; i++) {
            VALUES.add(100 + i / 120_000.0); // 12,000 distinct values inside one bin: p80 lies beyond a terms page
        }
        for (int i = 0; i < 500; i++) {
            VALUES.add(3.0); // ties
        }
        for (int i = 0; i < 100; i++) {
            VALUES.add(-1 - random.nextDouble() * 9); // negatives
        }
        VALUES.add(0.0);
        VALUES.add(RankedValues.EDGES[RankedValues.EDGES.length / 2 + 40]); // exactly on a bin edge
        VALUES.add(1e9); // beyond the last edge
        VALUES.add(-1e9); // below the first edge
        for (int i = 0; i < 3_000; i++) {
            VALUES.add(1_000 + random.nextDouble() * 4_000);
        }
        List<Map<String, Object>> documents = new ArrayList<>();
        for (int i = 0; i < VALUES.size(); i++) {
            // group "few": four people only; "all": everyone, 50 people
            documents.add(Map.of("v", VALUES.get(i), "actor", "p-" + (i % 50), "group", "all"));
        }
        for (int i = 0; i < 40; i++) {
            documents.add(Map.of("v", (double) (i % 7), "actor", "q-" + (i % 4), "group", "few"));
        }
        for (int from = 0; from < documents.size(); from += 5_000) {
            BulkRequest.Builder bulk = new BulkRequest.Builder().index(INDEX).refresh(Refresh.True);
            for (Map<String, Object> document : documents.subList(from, Math.min(from + 5_000, documents.size()))) {
                bulk.operations(operation -> operation.index(index -> index.document(document)));
            }
            assertThat(client.bulk(bulk.build()).errors()).isFalse();
        }
    }

    @AfterAll
    static void drop() throws IOException {
        client.indices().delete(delete -> delete.index(INDEX));
        client._transport().close();
    }

    private static RankedValues.Population group(String group) {
        return new RankedValues.Population(
                INDEX, List.of(Query.of(q -> q.term(t -> t.field("group").value(group)))), "v", "actor");
    }

    @Test
    void percentilesAreTheNearestRankValuesOfTheSortedList() throws IOException {
        RankedValues.Ranked ranked = new RankedValues(client)
                .rank(List.of(group("all")), 5, PERCENTS)
                .get(0);

        Percentiles expected = new Percentiles(VALUES);
        assertThat(ranked.count()).isEqualTo(VALUES.size());
        for (int i = 0; i < PERCENTS.length; i++) {
            assertThat(ranked.percentiles().get(i)).as("p%s", PERCENTS[i]).isEqualTo(expected.at(PERCENTS[i]));
        }
    }

    @Test
    void peopleAreCountedExactlyUpToK() throws IOException {
        List<RankedValues.Ranked> ranked =
                new RankedValues(client).rank(List.of(group("few"), group("all"), group("none")), 5, 50);

        assertThat(ranked.get(0).people()).isEqualTo(4); // below k: the exact count
        assertThat(ranked.get(1).people()).isEqualTo(5); // 50 people: counted up to k only
        assertThat(ranked.get(2).people()).isZero();
        assertThat(ranked.get(2).count()).isZero();
        assertThat(ranked.get(2).percentiles()).containsExactly((Double) null);
        List<Double> few = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            few.add((double) (i % 7));
        }
        assertThat(ranked.get(0).percentiles()).containsExactly(new Percentiles(few).at(50));
    }
}
