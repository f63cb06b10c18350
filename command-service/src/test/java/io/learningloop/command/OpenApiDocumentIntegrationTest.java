package io.learningloop.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.learningloop.access.testing.TestKeys;
import io.learningloop.testsupport.LocalStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The OpenAPI document the service serves is the one committed in {@code docs/openapi}: an API change
 * shows up in review as a diff of that file. Run with {@code -Dopenapi.write=true} to rewrite it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiDocumentIntegrationTest {

    static final String SCHEMA = LocalStack.uniqueName("it_");
    static final String TOPIC = LocalStack.uniqueName("it-events-");
    static final Path COMMITTED = Path.of(System.getProperty("basedir", "."))
            .resolve("../docs/openapi/command-service.json")
            .normalize();
    static final String REGENERATE = "If the API change is intended, rewrite the committed copy with:"
            + " cd command-service && mvn -o verify -Dit.test=OpenApiDocumentIntegrationTest -Dopenapi.write=true";

    /** Pretty-printed with sorted keys and LF line ends, so the same document is always the same text. */
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .setDefaultPrettyPrinter(new DefaultPrettyPrinter(
                            Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n")))
            .enable(SerializationFeature.INDENT_OUTPUT);

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry properties) {
        CommandServiceTestProperties.register(properties, SCHEMA, TOPIC, LocalStack.kafkaBootstrap());
    }

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    private static TestKeys.Issued key;

    /** The test tool's key (every scope over acme), made once in this test's schema. */
    private static synchronized String authorization() {
        if (key == null) {
            key = TestTool.keyIn(SCHEMA);
        }
        return key.bearer();
    }

    @Test
    void servedDocumentIsTheCommittedOne() throws Exception {
        HttpResponse<String> answer = get("/v3/api-docs");
        assertThat(answer.statusCode()).isEqualTo(200);
        String served = canonical(answer.body());

        if (Boolean.getBoolean("openapi.write")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, served);
        }
        if (!Files.exists(COMMITTED)) {
            fail(COMMITTED + " does not exist. " + REGENERATE);
        }
        String committed = Files.readString(COMMITTED);
        if (!committed.equals(served)) {
            fail(COMMITTED + " differs from what /v3/api-docs serves, " + firstDifference(committed, served) + ". "
                    + REGENERATE);
        }
    }

    @Test
    void documentDescribesEveryEndpointAndTheBulkFormat() throws Exception {
        var document = CANONICAL.readTree(get("/v3/api-docs").body());

        assertThat(document.at("/info/title").asText()).isEqualTo("Learning Loop command service");
        assertThat(document.get("paths").fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder(
                        "/decisions",
                        "/decisions/{decisionId}/outcome",
                        "/lessons",
                        "/behavior-changes",
                        "/steps/bulk",
                        "/reviews",
                        "/actions",
                        "/actions/{actionId}/completion",
                        "/actions/{actionId}/drop",
                        "/lessons/{lessonId}/shares",
                        "/decisions/{decisionId}/check-ins",
                        "/decisions/{decisionId}/amendment",
                        "/decisions/{decisionId}/retraction",
                        "/decisions/{decisionId}/outcome/amendment",
                        "/decisions/{decisionId}/outcome/retraction",
                        "/lessons/{lessonId}/amendment",
                        "/lessons/{lessonId}/retraction",
                        "/reviews/{reviewId}/amendment",
                        "/reviews/{reviewId}/retraction",
                        "/actions/{actionId}/amendment",
                        "/actions/{actionId}/retraction",
                        "/behavior-changes/{behaviorChangeId}/amendment",
                        "/behavior-changes/{behaviorChangeId}/retraction");
        for (String path : List.of("/decisions", "/decisions/{decisionId}/outcome", "/lessons", "/behavior-changes")) {
            var responses = document.get("paths").get(path).at("/post/responses");
            assertThat(responses.at("/404/content").has("application/problem+json"))
                    .as(path)
                    .isTrue();
        }
        for (String path : List.of("/decisions/{decisionId}/amendment", "/lessons/{lessonId}/retraction")) {
            var responses = document.get("paths").get(path).at("/post/responses");
            assertThat(responses.fieldNames()).toIterable().as(path).contains("201", "400", "404", "409");
        }
        // Every single-step route, besides its own refusals: the body limit, the framework's refusals,
        // the store away and a failure of the service, each a problem.
        var paths = document.get("paths");
        paths.fieldNames().forEachRemaining(path -> {
            if (path.equals("/steps/bulk")) {
                return;
            }
            var responses = paths.get(path).at("/post/responses");
            assertThat(responses.fieldNames())
                    .toIterable()
                    .as(path)
                    .containsExactlyInAnyOrder("200", "201", "400", "404", "409", "406", "413", "415", "500", "503");
            for (String status : List.of("400", "404", "409", "406", "413", "415", "500", "503")) {
                assertThat(responses
                                .at("/" + status + "/content/application~1problem+json/schema/$ref")
                                .asText())
                        .as(path + " " + status)
                        .isEqualTo("#/components/schemas/Problem");
            }
            assertThat(responses.at("/503/headers/Retry-After/schema/type").asText())
                    .as(path)
                    .isEqualTo("integer");
            assertThat(responses.at("/413/description").asText()).as(path).contains("body-too-large");
        });
        assertThat(document.at("/components/schemas/Problem/properties").has("correlationId"))
                .isTrue();
        var amendment = document.at("/paths/~1decisions~1{decisionId}~1amendment/post/requestBody/content"
                        + "/application~1json/schema/$ref")
                .asText();
        assertThat(document.at("/components/schemas/" + amendment.substring(amendment.lastIndexOf('/') + 1)
                                + "/properties/correction/$ref")
                        .asText())
                .endsWith("/DecisionRequest");
        var bulk = document.get("paths").get("/steps/bulk").get("post");
        assertThat(bulk.at("/requestBody/content").has("application/x-ndjson")).isTrue();
        assertThat(bulk.at("/responses/200/content").has("application/x-ndjson"))
                .isTrue();
        assertThat(bulk.get("responses").fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("200", "406", "413", "415", "500");
        assertThat(bulk.get("description").asText())
                .contains("`decision`", "`check-in`", "`review`", "`action-completion`", "`lesson-share`");
    }

    @Test
    void swaggerUiIsServed() {
        HttpResponse<String> page = get("/swagger-ui/index.html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
        assertThat(get("/swagger-ui.html").statusCode()).isEqualTo(302);
    }

    private static String canonical(String json) throws IOException {
        return CANONICAL.writeValueAsString(CANONICAL.readValue(json, Object.class)) + "\n";
    }

    private static String firstDifference(String committed, String served) {
        String[] a = committed.split("\n", -1);
        String[] b = served.split("\n", -1);
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (!a[i].equals(b[i])) {
                return "first at line " + (i + 1) + ": committed '" + a[i].strip() + "', served '" + b[i].strip() + "'";
            }
        }
        return "one is longer (" + a.length + " against " + b.length + " lines)";
    }

    private HttpResponse<String> get(String path) {
        try {
            return http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .header("Authorization", authorization())
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
