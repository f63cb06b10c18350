package io.learningloop.query.loops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.learningloop.testsupport.fuzz.AnswerChecks;
import io.learningloop.testsupport.fuzz.Mutations;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Seeded malformed queries over every route and parameter of the query service, the index stubbed: no
 * 5xx, every refusal a problem with a stable type, no class name; and the refusals the issue found.
 */
@WebMvcTest(LoopController.class)
@Import(ReadSliceConfiguration.class)
class MalformedQueriesTest {

    static final List<String> PARAMETERS = List.of("orgUnit", "category", "stage", "from", "to", "page", "size");
    static final List<String> GOOD = List.of("acme/eng", "product", "decided", "2024-01-01", "2025-01-01", "0", "50");

    static final AnswerChecks checks = new AnswerChecks();

    final Mutations mutations = new Mutations(13);

    @Autowired
    MockMvc http;

    @MockitoBean
    LoopSearch search;

    @BeforeEach
    void anEmptyIndex() throws Exception {
        when(search.search(any())).thenReturn(new LoopSearch.Page(0, List.of()));
        when(search.loop(anyString())).thenReturn(Optional.empty());
    }

    @AfterAll
    static void histogram() {
        checks.report("query-service");
    }

    @Test
    void mutatedParametersIdsMethodsAndAccepts() throws Exception {
        for (int i = 0; i < 400; i++) {
            MockHttpServletRequestBuilder loops = get("/loops");
            StringBuilder name = new StringBuilder("GET /loops?");
            for (int p = 0; p < PARAMETERS.size(); p++) {
                int pick = mutations.nextInt(3);
                if (pick == 0) {
                    continue;
                }
                String value = pick == 1 ? GOOD.get(p) : mutations.badQueryValue();
                loops.param(PARAMETERS.get(p), value);
                name.append(PARAMETERS.get(p))
                        .append('=')
                        .append(value.length() > 40 ? "…" : value)
                        .append('&');
            }
            if (mutations.nextInt(10) == 0) {
                loops.header("Accept", mutations.accept());
            }
            check(name.toString(), loops);
        }
        for (int i = 0; i < 60; i++) {
            String id = mutations.badId();
            check("GET /loops/{id} with a bad id", get("/loops/{id}", id));
        }
        for (HttpMethod method : List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.PATCH)) {
            check(method + " /loops", request(method, "/loops"));
            check(method + " /loops/d-1", request(method, "/loops/d-1"));
        }
        for (String path : List.of("/error", "/", "/loop", "/loops/d-1/x", "/analytics/latency")) {
            check("GET " + path, get(path));
        }
        assertThat(checks.answers()).isGreaterThanOrEqualTo(470);
    }

    @Test
    void theQueriesThatAnswered500BeforeAre400Problems() throws Exception {
        http.perform(get("/loops").param("from", "+10000-01-01"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:learning-loop:problem:invalid-query"))
                .andExpect(jsonPath("$.errors[0].field").value("from"))
                .andExpect(jsonPath("$.errors[0].message").value("must lie in the years 1900 to 2200"));
        http.perform(get("/loops").param("page", "2147483647").param("size", "1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        http.perform(get("/loops/{id}", "x".repeat(5_000)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("decisionId"));
        http.perform(get("/error"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:learning-loop:problem:not-found"));
        // A path no rule names is the admin's (closed by default): to an analyst's key it is forbidden.
        http.perform(get("/nowhere"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:learning-loop:problem:forbidden"));
    }

    @Test
    void anUnexpectedFailureIsA500ProblemWithACorrelationIdAndNoClassName() throws Exception {
        when(search.search(any())).thenThrow(new IllegalStateException("io.learningloop.Secret broke"));

        MockHttpServletResponse response =
                http.perform(get("/loops")).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString())
                .contains("\"type\":\"urn:learning-loop:problem:internal-error\"")
                .containsPattern("\"correlationId\":\"[0-9a-f-]{36}\"")
                .doesNotContain("Secret", "IllegalStateException");
    }

    private void check(String name, MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = http.perform(request).andReturn().getResponse();
        checks.check(name, response.getStatus(), response.getContentType(), response.getContentAsString());
    }
}
