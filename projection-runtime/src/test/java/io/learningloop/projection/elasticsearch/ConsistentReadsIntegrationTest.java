package io.learningloop.projection.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.MsearchRequest;
import co.elastic.clients.elasticsearch.core.msearch.RequestItem;
import io.learningloop.testsupport.AdminElasticsearch;
import io.learningloop.testsupport.LocalStack;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The consistent-reads client against the real Elasticsearch: every read API the services use
 * accepts the preference and answers as the plain client does, and the preference really travels with
 * each request (a write, which Elasticsearch refuses it on, proves it is sent).
 */
class ConsistentReadsIntegrationTest {

    static final String INDEX = LocalStack.uniqueName("it-reads-");
    static ElasticsearchClient plain;
    static ElasticsearchClient reads;

    @BeforeAll
    static void index() throws IOException {
        plain = AdminElasticsearch.client();
        reads = ConsistentReads.of(plain);
        plain.index(index ->
                index.index(INDEX).id("a").document(Map.of("title", "one")).refresh(Refresh.True));
    }

    @AfterAll
    static void drop() throws IOException {
        plain.indices().delete(delete -> delete.index(INDEX));
        plain._transport().close();
    }

    @Test
    void everyReadTheServicesMakeAcceptsThePreference() throws IOException {
        assertThat(reads.get(get -> get.index(INDEX).id("a"), Map.class).found())
                .isTrue();
        assertThat(reads.search(search -> search.index(INDEX), Map.class).hits().hits())
                .extracting(hit -> hit.id())
                .containsExactly("a");
        assertThat(reads.count(count -> count.index(INDEX)).count()).isEqualTo(1);
        assertThat(reads.mget(mget -> mget.index(INDEX).ids("a", "b"), Map.class)
                        .docs())
                .extracting(doc -> doc.result().found())
                .containsExactly(true, false);
        // _msearch takes it in each search's header, through the plain client
        RequestItem item = RequestItem.of(request -> request.header(
                        header -> header.index(INDEX).preference(ConsistentReads.PREFERENCE))
                .body(body -> body.size(0).trackTotalHits(track -> track.enabled(true))));
        assertThat(plain.msearch(MsearchRequest.of(msearch -> msearch.searches(List.of(item, item))), Void.class)
                        .responses())
                .allSatisfy(response ->
                        assertThat(response.result().hits().total().value()).isEqualTo(1));
    }

    @Test
    void thePreferenceTravelsWithEveryRequestSoWritesAndMultiSearchesMustKeepThePlainClient() {
        assertThatThrownBy(() -> reads.index(index -> index.index(INDEX).id("b").document(Map.of("title", "two"))))
                .isInstanceOf(ElasticsearchException.class)
                .hasMessageContaining("preference");
        RequestItem item = RequestItem.of(
                request -> request.header(header -> header.index(INDEX)).body(body -> body.size(0)));
        assertThatThrownBy(() -> reads.msearch(MsearchRequest.of(msearch -> msearch.searches(item)), Void.class))
                .isInstanceOf(ElasticsearchException.class)
                .hasMessageContaining("preference");
    }
}
