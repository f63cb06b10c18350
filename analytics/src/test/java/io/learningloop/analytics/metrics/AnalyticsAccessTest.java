package io.learningloop.analytics.metrics;

import static io.learningloop.analytics.metrics.AnalyticsSliceConfiguration.ENG_ANALYST_KEY;
import static io.learningloop.analytics.metrics.AnalyticsSliceConfiguration.STAFF_KEY;
import static io.learningloop.analytics.metrics.AnalyticsSliceConfiguration.TOOL_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.matchesPattern;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.learningloop.analytics.metrics.Reports.ConversionReport;
import io.learningloop.analytics.metrics.Reports.Withheld;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Who reads which figures, the metrics stubbed: every cohort covers only the caller's units (the asked
 * unit, or the key's roots below it), a unit wholly outside the key is a 403 problem before anything is
 * computed, and only an analyst's answers are computed without withholding.
 */
@WebMvcTest(AnalyticsController.class)
@Import(AnalyticsSliceConfiguration.class)
class AnalyticsAccessTest {

    static final List<String> ENDPOINTS = List.of(
            "/analytics/latency",
            "/analytics/conversion",
            "/analytics/practices",
            "/analytics/trends",
            "/analytics/reviews",
            "/analytics/relearning",
            "/reports/trends");

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
    void answersEchoTheirCohort() throws Exception {
        when(metrics.conversion(any(), any()))
                .thenAnswer(call -> new ConversionReport(
                        call.getArgument(0), 0L, 0L, null, java.util.Map.of(), List.of(), "d", "w", List.of()));
    }

    @Test
    void aUnitTheKeyCoversIsReadAsAskedAndInFull() throws Exception {
        http.perform(get("/analytics/conversion").param("orgUnit", "acme/eng"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.cohort.orgUnit").value("acme/eng"))
                .andExpect(jsonPath("$.withheld").doesNotExist())
                .andExpect(jsonPath("$.definitionsVersion").value(matchesPattern("[0-9a-f]{12}")))
                .andExpect(header().string("Learning-Loop-Definitions", matchesPattern("[0-9a-f]{12}")));

        ArgumentCaptor<Cohort> cohort = ArgumentCaptor.forClass(Cohort.class);
        verify(metrics).conversion(cohort.capture(), eq(Audience.DETAIL));
        assertThat(cohort.getValue().orgUnits()).containsExactly("acme/eng");
    }

    @Test
    void aUnitAboveTheKeysUnitsIsNarrowedToThemAndStillEchoedAsAsked() throws Exception {
        http.perform(get("/analytics/conversion")
                        .param("orgUnit", "acme")
                        .header(HttpHeaders.AUTHORIZATION, ENG_ANALYST_KEY.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.cohort.orgUnit").value("acme"))
                .andExpect(jsonPath("$.cohort.orgUnits").doesNotExist());

        ArgumentCaptor<Cohort> cohort = ArgumentCaptor.forClass(Cohort.class);
        verify(metrics).conversion(cohort.capture(), any());
        assertThat(cohort.getValue().orgUnits()).containsExactly("acme/eng/platform", "acme/eng/data");
    }

    @Test
    void noUnitAskedReadsEveryUnitOfTheKey() throws Exception {
        http.perform(get("/analytics/conversion").header(HttpHeaders.AUTHORIZATION, ENG_ANALYST_KEY.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.cohort.orgUnit").doesNotExist());

        ArgumentCaptor<Cohort> cohort = ArgumentCaptor.forClass(Cohort.class);
        verify(metrics).conversion(cohort.capture(), any());
        assertThat(cohort.getValue().orgUnits()).containsExactly("acme/eng/platform", "acme/eng/data");
    }

    @Test
    void theTrendsAreNarrowedToTheKeysUnitsToo() throws Exception {
        when(yearOverYear.trends(any(), anyInt(), anyInt(), any()))
                .thenReturn(new YearOverYear.Report("acme", List.of(2024), List.of(), "c", List.of()));
        when(opening.open(any(), anyInt(), any(), anyBoolean(), any()))
                .thenReturn(new TrendsOpening.Opening("acme", 2024, 0L, 0L, 0, List.of(), null));

        http.perform(get("/reports/trends")
                        .param("orgUnit", "acme")
                        .header(HttpHeaders.AUTHORIZATION, ENG_ANALYST_KEY.bearer()))
                .andExpect(status().isOk());

        ArgumentCaptor<Cohort> cohort = ArgumentCaptor.forClass(Cohort.class);
        verify(yearOverYear).trends(cohort.capture(), anyInt(), anyInt(), eq(Audience.DETAIL));
        assertThat(cohort.getValue().orgUnit()).isEqualTo("acme");
        assertThat(cohort.getValue().orgUnits()).containsExactly("acme/eng/platform", "acme/eng/data");
        // the opening answers for the report's last year, with free text of the key's own units only
        verify(opening)
                .open(
                        cohort.capture(),
                        eq(2024),
                        eq(Audience.DETAIL),
                        eq(true),
                        eq(List.of("acme/eng/platform", "acme/eng/data")));
        assertThat(cohort.getValue().orgUnits()).containsExactly("acme/eng/platform", "acme/eng/data");
    }

    @Test
    void staffReadTheOpeningWithoutFreeTextAndWithTheMinimumGroup() throws Exception {
        when(yearOverYear.trends(any(), anyInt(), anyInt(), any()))
                .thenReturn(new YearOverYear.Report("acme", List.of(2024), List.of(), "c", List.of()));
        when(opening.open(any(), anyInt(), any(), anyBoolean(), any()))
                .thenReturn(TrendsOpening.Opening.withheld("acme", 2024, "fewer than 5 people"));

        http.perform(get("/reports/trends").header(HttpHeaders.AUTHORIZATION, STAFF_KEY.bearer()))
                .andExpect(status().isOk())
                .andExpect(
                        content()
                                .string(
                                        org.hamcrest.Matchers.containsString(
                                                "<p class=\"answer\">Withheld: the decisions made in 2024 in acme were made by fewer than 5"
                                                        + " people, too few to count them or tell their chains without exposing someone.</p>")));

        verify(opening).open(any(), eq(2024), eq(Audience.aggregatesOnly(5)), eq(false), eq(List.of("acme")));
    }

    @Test
    void aUnitWithNoPartInsideTheKeyIsRefusedOnEveryEndpointBeforeAnythingIsComputed() throws Exception {
        for (String path : ENDPOINTS) {
            for (String unit : List.of("acme/sales", "acme/eng/web", "initech")) {
                http.perform(get(path)
                                .param("orgUnit", unit)
                                .header(HttpHeaders.AUTHORIZATION, ENG_ANALYST_KEY.bearer()))
                        .andExpect(status().isForbidden())
                        .andExpect(jsonPath("$.type").value("urn:learning-loop:problem:outside-units"))
                        .andExpect(jsonPath("$.errors[0].field").value("orgUnit"));
            }
        }
        verifyNoInteractions(metrics, yearOverYear, rituals, relearning);
    }

    @Test
    void theListsOfReviewsAndRelearnedLessonsAreForAnalystsOnly() throws Exception {
        for (String path : List.of("/analytics/reviews", "/analytics/relearning")) {
            http.perform(get(path).header(HttpHeaders.AUTHORIZATION, STAFF_KEY.bearer()))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentType("application/problem+json"));
        }
        verifyNoInteractions(rituals, relearning);
    }

    @Test
    void staffAreAnsweredWithTheMinimumGroupOfFiveAndSeeWhatIsWithheld() throws Exception {
        when(metrics.conversion(any(), any()))
                .thenAnswer(call -> new ConversionReport(
                        call.getArgument(0),
                        null,
                        null,
                        null,
                        java.util.Map.of(),
                        null,
                        "d",
                        "w",
                        List.of(new Withheld("conversionRate", "fewer than 5 people"))));

        http.perform(get("/analytics/conversion")
                        .param("orgUnit", "acme/eng")
                        .header(HttpHeaders.AUTHORIZATION, STAFF_KEY.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.conversionRate").isEmpty())
                .andExpect(jsonPath("$.withheld[0].figure").value("conversionRate"))
                .andExpect(jsonPath("$.withheld[0].reason").value("fewer than 5 people"));

        verify(metrics).conversion(any(), eq(new Audience(5)));
    }

    @Test
    void aKeyWithoutAReadingScopeReadsNoFigures() throws Exception {
        for (String path : ENDPOINTS) {
            http.perform(get(path).header(HttpHeaders.AUTHORIZATION, TOOL_KEY.bearer()))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.type").exists());
        }
        http.perform(get("/analytics/conversion").header(HttpHeaders.AUTHORIZATION, ""))
                .andExpect(status().isUnauthorized());
        verifyNoInteractions(metrics, yearOverYear);
    }
}
