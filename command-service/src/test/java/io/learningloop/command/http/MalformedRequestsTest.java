package io.learningloop.command.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.learningloop.command.commands.StepAccepted;
import io.learningloop.testsupport.fuzz.AnswerChecks;
import io.learningloop.testsupport.fuzz.Mutations;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Seeded malformed requests over every route of the command service, the step sender mocked: mutated
 * bodies of every single-step route, mutated bulk lines, bad path ids, wrong methods, content types and
 * accept headers. No answer is a 5xx, every refusal is a problem with a stable type, none names a class,
 * and no refused request reached the step sender.
 */
@WebMvcTest
@Import(HttpSliceConfiguration.class)
class MalformedRequestsTest {

    static final long SEED = 13;
    static final int BODIES_PER_ROUTE = 70;
    static final int BULK_FILES = 150;
    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    static final AnswerChecks checks = new AnswerChecks();

    final Mutations mutations = new Mutations(SEED);
    final ObjectMapper json = new ObjectMapper();

    @Autowired
    MockMvc http;

    @MockitoBean
    StepSender steps;

    @BeforeEach
    void everyStepIsAccepted() {
        when(steps.send(any(), any(), any())).thenReturn(StepAccepted.recorded("id-1", "e-1"));
    }

    @AfterAll
    static void histogram() {
        checks.report("command-service");
    }

    @Test
    void mutatedBodiesOfEverySingleStepRoute() throws Exception {
        for (RouteSamples route : RouteSamples.ALL) {
            for (int i = 0; i < BODIES_PER_ROUTE; i++) {
                String body = mutations.body(route.body());
                postStep(route.path(), MediaType.APPLICATION_JSON_VALUE, body);
            }
        }
    }

    @Test
    void validBodiesWithWrongContentTypesAndAccepts() throws Exception {
        for (RouteSamples route : RouteSamples.ALL) {
            for (int i = 0; i < 4; i++) {
                postStep(route.path(), mutations.contentType(), route.body());
            }
            MockHttpServletRequestBuilder post = request(HttpMethod.POST, route.path())
                    .contentType(MediaType.APPLICATION_JSON)
                    .header("Accept", mutations.accept())
                    .content(route.body());
            check("POST " + route.path() + " with an accept header", post);
        }
    }

    @Test
    void badIdsInThePathAndWrongMethods() throws Exception {
        for (RouteSamples route : RouteSamples.ALL) {
            if (route.hasPathId()) {
                for (int i = 0; i < 6; i++) {
                    String id = mutations.badId();
                    String template = route.path().replace("/" + route.givenId(), "/{id}");
                    clearInvocations(steps);
                    MockHttpServletRequestBuilder post = request(HttpMethod.POST, template, id)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(route.body());
                    int status = check("POST " + template + " with id " + abbreviated(id), post);
                    assertNothingSentUnlessAccepted(status, template);
                }
            }
            for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.PATCH)) {
                check(method + " " + route.path(), request(method, route.path()));
            }
        }
        for (String path : List.of(
                "/error", "/", "/decisions/", "/nothing", "/decisions/dec-1/nothing", "/steps", "/steps/bulk/x")) {
            check("GET " + path, request(HttpMethod.GET, path));
            check(
                    "POST " + path,
                    request(HttpMethod.POST, path)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{}"));
        }
    }

    @Test
    void bulkFilesOfMutatedLines() throws Exception {
        List<String> lines = RouteSamples.ALL.stream().map(this::asBulkLine).toList();
        for (int file = 0; file < BULK_FILES; file++) {
            List<String> content = new ArrayList<>();
            int count = 1 + mutations.nextInt(5);
            for (int i = 0; i < count; i++) {
                String line = mutations.oneOf(lines);
                content.add(
                        mutations.nextInt(8) == 0 ? line : mutations.body(line).replace("\n", " "));
            }
            String body = String.join("\n", content);
            String contentType = mutations.nextInt(10) == 0 ? mutations.contentType() : NDJSON.toString();
            clearInvocations(steps);
            String name = "POST /steps/bulk (" + contentType + ") " + abbreviated(body);
            MockHttpServletResponse response = perform(request(HttpMethod.POST, "/steps/bulk")
                    .contentType(contentType)
                    .content(body));
            String answer = response.getContentAsString();
            checks.check(name, response.getStatus(), response.getContentType(), answer);
            if (response.getStatus() != 200) {
                assertThat(mockingDetails(steps).getInvocations()).as(name).isEmpty();
                continue;
            }
            int acceptedLines = 0;
            for (String resultLine : answer.split("\n")) {
                JsonNode result = json.readTree(resultLine);
                checks.checkBulkLine(name, result);
                if (result.has("line") && result.path("status").asInt() < 300) {
                    acceptedLines++;
                }
            }
            assertThat(mockingDetails(steps).getInvocations())
                    .as("only the accepted lines of " + name + " are sent")
                    .hasSize(acceptedLines);
        }
    }

    private void postStep(String path, String contentType, String body) throws Exception {
        clearInvocations(steps);
        MockHttpServletRequestBuilder post =
                request(HttpMethod.POST, path).contentType(contentType).content(body);
        int status = check("POST " + path + " (" + contentType + ") " + abbreviated(body), post);
        assertNothingSentUnlessAccepted(status, path + " " + abbreviated(body));
    }

    private void assertNothingSentUnlessAccepted(int status, String request) {
        if (status >= 400) {
            assertThat(mockingDetails(steps).getInvocations())
                    .as("a refused request is never sent: " + request)
                    .isEmpty();
        }
    }

    private int check(String name, MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = perform(request);
        checks.check(name, response.getStatus(), response.getContentType(), response.getContentAsString());
        return response.getStatus();
    }

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
        return http.perform(request).andReturn().getResponse();
    }

    /** The route's sample as a bulk line: its kind in {@code step}, the step it is about in its id field. */
    private String asBulkLine(RouteSamples route) {
        try {
            ObjectNode line = json.createObjectNode().put("step", route.kind());
            if (route.hasPathId()) {
                line.put(route.idField(), route.givenId());
            }
            line.setAll((ObjectNode) json.readTree(route.body()));
            return json.writeValueAsString(line);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviated(String text) {
        String printable = text.codePoints()
                .mapToObj(c ->
                        c < 0x20 || (c >= 0xD800 && c <= 0xDFFF) ? String.format("\\u%04x", c) : Character.toString(c))
                .collect(Collectors.joining());
        return printable.length() > 300 ? printable.substring(0, 300) + "…" : printable;
    }
}
