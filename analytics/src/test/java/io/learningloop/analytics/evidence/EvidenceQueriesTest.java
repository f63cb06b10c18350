package io.learningloop.analytics.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.learningloop.analytics.metrics.AnalyticsSliceConfiguration;
import io.learningloop.testsupport.fuzz.AnswerChecks;
import io.learningloop.testsupport.fuzz.Mutations;
import java.util.List;
import java.util.Map;
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
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The evidence endpoint's parameters, the query stubbed: each invalid one is a 400 problem naming it, and
 * seeded malformed queries never answer 5xx (the checks of MalformedQueriesTest).
 */
@WebMvcTest(EvidenceController.class)
@Import(AnalyticsSliceConfiguration.class)
class EvidenceQueriesTest {

    static final List<String> PARAMETERS = List.of("orgUnit", "year", "learnedFrom", "learnedTo", "limit");
    static final List<String> GOOD = List.of("acme/eng", "2026", "2025-01-01", "2026-01-01", "10");

    static final AnswerChecks checks = new AnswerChecks();

    final Mutations mutations = new Mutations(17);

    @Autowired
    MockMvc http;

    @MockitoBean
    EvidenceQuery query;

    @BeforeEach
    void emptyAnswers() throws Exception {
        when(query.answer(any()))
                .thenAnswer(call -> EvidenceChains.answer(call.getArgument(0), 0, List.of(), Map.of()));
    }

    @AfterAll
    static void histogram() {
        checks.report("analytics evidence");
    }

    @Test
    void eachInvalidParameterIsAProblemNamingIt() throws Exception {
        refused(get("/analytics/evidence"), "year", "is required: the year the decisions were made in");
        refused(get("/analytics/evidence").param("year", "1899"), "year", "must lie in the years 1900 to 2200");
        refused(get("/analytics/evidence").param("year", "twenty"), "year", "'twenty' is not a whole number");
        refused(
                get("/analytics/evidence").param("year", "2026").param("orgUnit", "ACME"),
                "orgUnit",
                "must be a lower-case path such as acme/eng");
        refused(
                get("/analytics/evidence").param("year", "2026").param("learnedFrom", "2025-13-01"),
                "learnedFrom",
                "'2025-13-01' is not a date such as 2024-01-31");
        refused(
                get("/analytics/evidence").param("year", "2026").param("learnedTo", "+10000-01-01"),
                "learnedTo",
                "must lie in the years 1900 to 2200");
        refused(
                get("/analytics/evidence")
                        .param("year", "2026")
                        .param("learnedFrom", "2025-06-01")
                        .param("learnedTo", "2025-06-01"),
                "learnedTo",
                "the learned period must end after it starts");
        // learnedFrom alone, after the default end (2026-01-01): it is learnedFrom that is wrong
        refused(
                get("/analytics/evidence").param("year", "2026").param("learnedFrom", "2026-02-01"),
                "learnedFrom",
                "the learned period must end after it starts");
        for (String limit : List.of("0", "1001", "-1")) {
            refused(
                    get("/analytics/evidence").param("year", "2026").param("limit", limit),
                    "limit",
                    "must lie between 1 and 1000");
        }
        verifyNoInteractions(query);
    }

    @Test
    void theBoundsThemselvesAreAccepted() throws Exception {
        for (String limit : List.of("1", "1000")) {
            http.perform(get("/analytics/evidence").param("year", "2200").param("limit", limit))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.limit").value(Integer.parseInt(limit)));
        }
    }

    @Test
    void mutatedParametersMethodsAndAccepts() throws Exception {
        for (int i = 0; i < 200; i++) {
            MockHttpServletRequestBuilder query = get("/analytics/evidence");
            StringBuilder name = new StringBuilder("GET /analytics/evidence?");
            for (int p = 0; p < PARAMETERS.size(); p++) {
                int pick = mutations.nextInt(3);
                if (pick == 0) {
                    continue;
                }
                String value = pick == 1 ? GOOD.get(p) : mutations.badQueryValue();
                query.param(PARAMETERS.get(p), value);
                name.append(PARAMETERS.get(p))
                        .append('=')
                        .append(value.length() > 40 ? "…" : value)
                        .append('&');
            }
            if (mutations.nextInt(10) == 0) {
                query.header("Accept", mutations.accept());
            }
            check(name.toString(), query);
        }
        for (HttpMethod method : List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE)) {
            check(method + " /analytics/evidence", request(method, "/analytics/evidence"));
        }
        assertThat(checks.answers()).isGreaterThanOrEqualTo(203);
    }

    private void refused(MockHttpServletRequestBuilder request, String field, String message) throws Exception {
        ResultActions answer = http.perform(request);
        answer.andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:learning-loop:problem:invalid-query"))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].message").value(message));
    }

    private void check(String name, MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = http.perform(request).andReturn().getResponse();
        checks.check(name, response.getStatus(), response.getContentType(), response.getContentAsString());
    }
}
