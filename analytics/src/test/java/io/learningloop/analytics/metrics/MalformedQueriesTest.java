package io.learningloop.analytics.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.learningloop.testsupport.fuzz.AnswerChecks;
import io.learningloop.testsupport.fuzz.Mutations;
import java.util.List;
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
 * Seeded malformed queries over every endpoint and parameter of analytics, the metrics stubbed: no 5xx,
 * every refusal a problem with a stable type, no class name; and the refusals the issue found. Each
 * request sends the analyst key for {@code acme} ({@link AnalyticsSliceConfiguration}).
 */
@WebMvcTest(AnalyticsController.class)
@Import(AnalyticsSliceConfiguration.class)
class MalformedQueriesTest {

    record Endpoint(String path, List<String> parameters, List<String> good) {}

    static final List<String> COHORT = List.of("orgUnit", "category", "from", "to");
    static final List<String> COHORT_GOOD = List.of("acme/eng", "product", "2024-01-01", "2025-01-01");
    static final List<String> REVIEWS = List.of("orgUnit", "category", "from", "to", "verdict");
    static final List<String> REVIEWS_GOOD = List.of("acme/eng", "product", "2024-01-01", "2025-01-01", "ritual");
    static final List<String> YEARS = List.of("orgUnit", "from", "to");
    static final List<String> YEARS_GOOD = List.of("acme/eng", "2022", "2024");
    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("/analytics/latency", COHORT, COHORT_GOOD),
            new Endpoint("/analytics/conversion", COHORT, COHORT_GOOD),
            new Endpoint("/analytics/practices", COHORT, COHORT_GOOD),
            new Endpoint("/analytics/reviews", REVIEWS, REVIEWS_GOOD),
            new Endpoint("/analytics/relearning", COHORT, COHORT_GOOD),
            new Endpoint("/analytics/trends", YEARS, YEARS_GOOD),
            new Endpoint("/reports/trends", YEARS, YEARS_GOOD),
            new Endpoint("/analytics/units", List.of("year"), List.of("2024")),
            new Endpoint("/reports", List.of("year"), List.of("2024")));

    static final AnswerChecks checks = new AnswerChecks();

    final Mutations mutations = new Mutations(13);

    @Autowired
    MockMvc http;

    @MockitoBean
    LearningMetrics metrics;

    @MockitoBean
    YearOverYear yearOverYear;

    @MockitoBean
    RitualReviews rituals;

    @MockitoBean
    RelearnedLessons relearning;

    @MockitoBean
    UnitOverview overview;

    @MockitoBean
    TrendsOpening opening;

    @BeforeEach
    void emptyFigures() throws Exception {
        when(metrics.latency(any(), any()))
                .thenReturn(new Reports.LatencyReport(null, "nearest-rank", List.of(), List.of()));
        when(overview.overview(any(), anyInt(), any()))
                .thenReturn(new UnitOverview.Overview(2024, List.of(), "d", List.of()));
        when(yearOverYear.trends(any(), anyInt(), anyInt(), any()))
                .thenReturn(new YearOverYear.Report(null, List.of(2022, 2023, 2024), List.of(), "no data", List.of()));
        when(opening.open(any(), anyInt(), any(), anyBoolean(), any()))
                .thenReturn(new TrendsOpening.Opening("acme", 2024, 0L, 0L, 0, List.of(), null));
    }

    @AfterAll
    static void histogram() {
        checks.report("analytics");
    }

    @Test
    void mutatedParametersMethodsAndAccepts() throws Exception {
        for (Endpoint endpoint : ENDPOINTS) {
            for (int i = 0; i < 100; i++) {
                MockHttpServletRequestBuilder query = get(endpoint.path());
                StringBuilder name = new StringBuilder("GET " + endpoint.path() + "?");
                for (int p = 0; p < endpoint.parameters().size(); p++) {
                    int pick = mutations.nextInt(3);
                    if (pick == 0) {
                        continue;
                    }
                    String value = pick == 1 ? endpoint.good().get(p) : mutations.badQueryValue();
                    query.param(endpoint.parameters().get(p), value);
                    name.append(endpoint.parameters().get(p))
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
                check(method + " " + endpoint.path(), request(method, endpoint.path()));
            }
        }
        for (String path : List.of("/error", "/", "/analytics", "/analytics/nothing", "/reports/nothing")) {
            check("GET " + path, get(path));
        }
        assertThat(checks.answers()).isGreaterThanOrEqualTo(932);
    }

    @Test
    void theQueriesThatAnswered500BeforeAre400Problems() throws Exception {
        for (String path : List.of("/analytics/trends", "/reports/trends")) {
            http.perform(get(path).param("to", "9999"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("urn:learning-loop:problem:invalid-query"))
                    .andExpect(jsonPath("$.errors[0].field").value("to"));
        }
        for (String path : List.of("/analytics/latency", "/analytics/conversion", "/analytics/practices")) {
            http.perform(get(path).param("from", "+10000-01-01"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("from"))
                    .andExpect(jsonPath("$.errors[0].message").value("must lie in the years 1900 to 2200"));
        }
    }

    @Test
    void anUnknownVerdictIsAProblemNamingTheKnownOnes() throws Exception {
        http.perform(get("/analytics/reviews").param("verdict", "RITUAL"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:learning-loop:problem:invalid-query"))
                .andExpect(jsonPath("$.errors[0].field").value("verdict"))
                .andExpect(
                        jsonPath("$.errors[0].message").value("must be one of [practice, ritual, partial, pending]"));
    }

    private void check(String name, MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = http.perform(request).andReturn().getResponse();
        checks.check(name, response.getStatus(), response.getContentType(), response.getContentAsString());
    }
}
