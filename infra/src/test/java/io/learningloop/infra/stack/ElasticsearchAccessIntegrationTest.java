package io.learningloop.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.learningloop.testsupport.LocalStack;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The stack's Elasticsearch lets in only its users, each with the least it needs (infra/stack/README.md,
 * "Security model"). Plain HTTP, so that what is checked is exactly what Elasticsearch answers. The
 * indices are the test's own, under {@code learning-loop-it-<id>-}, a prefix the roles cover as they
 * cover a deployment's.
 */
class ElasticsearchAccessIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String prefix = LocalStack.uniqueName("learning-loop-it-") + "-";
    private final User admin = User.of("LL_ES_ADMIN");
    private final User queryService = User.of("LL_ES_QUERY");
    private final User analytics = User.of("LL_ES_ANALYTICS");
    private final User reader = User.of("LL_ES_READER");

    record User(String name, String password) {
        static User of(String stem) {
            return new User(LocalStack.required(stem + "_USER"), LocalStack.required(stem + "_PASSWORD"));
        }

        static final User ANONYMOUS = new User(null, null);
        static final User WRONG_PASSWORD = new User("admin", "not-the-password");
    }

    @AfterEach
    void deleteTheTestsIndices() throws Exception {
        // By name: Elasticsearch refuses to delete by wildcard (action.destructive_requires_name).
        String names = send(admin, "GET", "/_cat/indices/" + prefix + "*?h=index", null)
                .body()
                .strip()
                .replaceAll("\\s+", ",");
        if (!names.isEmpty()) {
            assertThat(send(admin, "DELETE", "/" + names, null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void anonymousRequestsAndWrongPasswordsAreRefusedWith401() throws Exception {
        for (User nobody : new User[] {User.ANONYMOUS, User.WRONG_PASSWORD}) {
            assertThat(send(nobody, "GET", "/_cluster/health", null).statusCode())
                    .as("health as %s", nobody.name())
                    .isEqualTo(401);
            assertThat(send(nobody, "GET", "/learning-loop-*/_search", null).statusCode())
                    .isEqualTo(401);
            assertThat(send(nobody, "PUT", "/" + prefix + "events", null).statusCode())
                    .isEqualTo(401);
        }
        assertThat(send(admin, "GET", "/_cluster/health", null).statusCode()).isEqualTo(200);
    }

    @Test
    void theQueryServiceCreatesAndWritesItsIndicesButCannotDeleteTheDeadLettersNorWriteTheLessons() throws Exception {
        assertThat(send(queryService, "PUT", "/" + prefix + "events", null).statusCode())
                .isEqualTo(200);
        assertThat(send(queryService, "PUT", "/" + prefix + "events/_doc/e-1?refresh=true", "{\"type\":\"x\"}")
                        .statusCode())
                .isEqualTo(201);
        assertThat(send(queryService, "GET", "/" + prefix + "events/_doc/e-1", null)
                        .statusCode())
                .isEqualTo(200);

        assertThat(send(queryService, "PUT", "/" + prefix + "dead-letters", null)
                        .statusCode())
                .isEqualTo(200);
        assertThat(send(queryService, "DELETE", "/" + prefix + "dead-letters", null)
                        .statusCode())
                .as("deleting the dead letters (only projections are rebuilt, decision 0012)")
                .isEqualTo(403);
        assertThat(send(queryService, "PUT", "/" + prefix + "lessons", null).statusCode())
                .as("creating analytics' index")
                .isEqualTo(403);
        assertThat(send(queryService, "PUT", "/not-learning-loop-" + prefix, null)
                        .statusCode())
                .as("creating an index outside learning-loop-*")
                .isEqualTo(403);
        assertThat(send(admin, "GET", "/" + prefix + "events/_doc/e-1", null).statusCode())
                .as("the index is still there")
                .isEqualTo(200);
    }

    @Test
    void analyticsWritesTheLessonsAndReadsTheLoopsButCannotWriteThem() throws Exception {
        assertThat(send(admin, "PUT", "/" + prefix + "loops", null).statusCode())
                .isEqualTo(200);
        assertThat(send(analytics, "PUT", "/" + prefix + "lessons", null).statusCode())
                .isEqualTo(200);
        assertThat(send(analytics, "PUT", "/" + prefix + "lessons/_doc/l-1", "{\"lessonId\":\"l-1\"}")
                        .statusCode())
                .isEqualTo(201);
        assertThat(send(analytics, "GET", "/" + prefix + "loops/_search", null).statusCode())
                .isEqualTo(200);

        assertThat(send(analytics, "PUT", "/" + prefix + "loops/_doc/d-1", "{\"decisionId\":\"d-1\"}")
                        .statusCode())
                .as("writing the query service's loops")
                .isEqualTo(403);
        assertThat(send(analytics, "DELETE", "/" + prefix + "loops", null).statusCode())
                .as("deleting the query service's loops")
                .isEqualTo(403);
    }

    /**
     * A rebuild (decision 0012): the service creates the next version of its index, changes its refresh
     * and translog, refreshes it, moves its alias there in one call and deletes the previous version,
     * or (first rebuild) a concrete index under the alias's name; the other service can do none of it.
     */
    @Test
    void theQueryServiceRebuildsItsOwnIndicesBehindTheirAliasesAndAnalyticsCannot() throws Exception {
        String alias = prefix + "loops";
        assertThat(send(admin, "PUT", "/" + alias, null).statusCode()).isEqualTo(200);
        assertThat(send(
                                queryService,
                                "PUT",
                                "/" + alias + "-v1",
                                "{\"settings\":{\"refresh_interval\":\"-1\",\"translog.durability\":\"async\"}}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(send(analytics, "PUT", "/" + alias + "-v2", null).statusCode())
                .as("analytics creating a version of the loops")
                .isEqualTo(403);
        assertThat(send(queryService, "PUT", "/" + alias + "-v1/_settings", "{\"refresh_interval\":\"1s\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(send(queryService, "POST", "/" + alias + "-v1/_refresh", null)
                        .statusCode())
                .isEqualTo(200);
        String migrate = "{\"actions\":[{\"add\":{\"index\":\"" + alias + "-v1\",\"alias\":\"" + alias
                + "\"}},{\"remove_index\":{\"index\":\"" + alias + "\"}}]}";
        assertThat(send(analytics, "POST", "/_aliases", migrate).statusCode())
                .as("analytics moving the loops' alias")
                .isEqualTo(403);
        assertThat(send(queryService, "POST", "/_aliases", migrate).statusCode())
                .isEqualTo(200);
        assertThat(send(analytics, "GET", "/" + alias + "/_search", null).statusCode())
                .as("analytics reads the loops through their alias")
                .isEqualTo(200);
        assertThat(send(analytics, "GET", "/" + alias + "-v1/_search", null).statusCode())
                .as("but not the versioned index behind it")
                .isEqualTo(403);
        assertThat(send(analytics, "DELETE", "/" + alias + "-v1", null).statusCode())
                .isEqualTo(403);
        assertThat(send(queryService, "PUT", "/" + prefix + "lessons-v1", null).statusCode())
                .as("the query service creating a version of the lessons")
                .isEqualTo(403);
        assertThat(send(queryService, "DELETE", "/" + alias + "-v1", null).statusCode())
                .isEqualTo(200);
    }

    /** The verdict indices (decision 0011): analytics creates, writes, searches and deletes documents in them. */
    @Test
    void analyticsWritesAndPrunesTheVerdictIndicesAndTheQueryServiceCannot() throws Exception {
        for (String index : new String[] {"reviews", "relearning"}) {
            assertThat(send(analytics, "PUT", "/" + prefix + index, null).statusCode())
                    .as("creating %s", index)
                    .isEqualTo(200);
            String bulk = "{\"index\":{\"_index\":\"" + prefix + index + "\",\"_id\":\"x-1\"}}\n{\"generation\":1}\n"
                    + "{\"index\":{\"_index\":\"" + prefix + index + "\",\"_id\":\"x-2\"}}\n{\"generation\":2}\n";
            HttpResponse<String> written = send(analytics, "POST", "/_bulk?refresh=wait_for", bulk);
            assertThat(written.statusCode()).isEqualTo(200);
            assertThat(written.body()).contains("\"errors\":false");
            assertThat(send(
                                    analytics,
                                    "POST",
                                    "/" + prefix + index + "/_search",
                                    "{\"query\":{\"range\":{\"generation\":{\"lt\":2}}}}")
                            .body())
                    .contains("\"x-1\"");
            HttpResponse<String> deleted = send(
                    analytics,
                    "POST",
                    "/_bulk",
                    "{\"delete\":{\"_index\":\"" + prefix + index + "\",\"_id\":\"x-1\"}}\n");
            assertThat(deleted.body()).contains("\"errors\":false");

            assertThat(send(queryService, "PUT", "/" + prefix + index + "/_doc/x-3", "{\"generation\":3}")
                            .statusCode())
                    .as("the query service writing %s", index)
                    .isEqualTo(403);
            assertThat(send(analytics, "DELETE", "/" + prefix + index, null).statusCode())
                    .as("deleting the index")
                    .isEqualTo(403);
        }
    }

    @Test
    void theReaderReadsEveryIndexButWritesNothing() throws Exception {
        assertThat(send(admin, "PUT", "/" + prefix + "loops/_doc/d-1?refresh=true", "{\"decisionId\":\"d-1\"}")
                        .statusCode())
                .isEqualTo(201);

        HttpResponse<String> search = send(reader, "GET", "/" + prefix + "loops/_search", null);
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(search.body()).contains("\"d-1\"");
        assertThat(send(reader, "GET", "/" + prefix + "loops/_mapping", null).statusCode())
                .isEqualTo(200);

        assertThat(send(reader, "PUT", "/" + prefix + "loops/_doc/d-2", "{\"decisionId\":\"d-2\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(send(reader, "DELETE", "/" + prefix + "loops/_doc/d-1", null).statusCode())
                .isEqualTo(403);
        assertThat(send(reader, "PUT", "/" + prefix + "events", null).statusCode())
                .isEqualTo(403);
    }

    private static HttpResponse<String> send(User user, String method, String path, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(LocalStack.elasticsearchUrl() + path))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (user.name() != null) {
            String basic = Base64.getEncoder()
                    .encodeToString((user.name() + ":" + user.password()).getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + basic);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
