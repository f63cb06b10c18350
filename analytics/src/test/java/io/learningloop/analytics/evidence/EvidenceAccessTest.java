package io.learningloop.analytics.evidence;

import static io.learningloop.analytics.metrics.AnalyticsSliceConfiguration.ENG_ANALYST_KEY;
import static io.learningloop.analytics.metrics.AnalyticsSliceConfiguration.STAFF_KEY;
import static io.learningloop.analytics.metrics.AnalyticsSliceConfiguration.TOOL_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.learningloop.analytics.metrics.AnalyticsSliceConfiguration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
 * Who reads the evidence list, the query stubbed: analysts ({@code loops:read}) inside their units, with
 * the learned period defaulting to the year before; staff ({@code reports:read} only) never, since it
 * names individual decisions and lessons; a unit outside the key is refused before anything is read.
 */
@WebMvcTest(EvidenceController.class)
@Import(AnalyticsSliceConfiguration.class)
class EvidenceAccessTest {

    @Autowired
    MockMvc http;

    @MockitoBean
    EvidenceQuery query;

    @BeforeEach
    void answersEchoTheirRequest() throws Exception {
        when(query.answer(any()))
                .thenAnswer(call -> EvidenceChains.answer(call.getArgument(0), 0, List.of(), Map.of()));
    }

    @Test
    void anAnalystReadsTheAskedUnitWithTheYearBeforeAsTheLearnedPeriod() throws Exception {
        http.perform(get("/analytics/evidence").param("orgUnit", "acme/eng").param("year", "2026"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.orgUnit").value("acme/eng"))
                .andExpect(jsonPath("$.learnedFrom").value("2025-01-01"))
                .andExpect(jsonPath("$.learnedTo").value("2026-01-01"))
                .andExpect(jsonPath("$.limit").value(100))
                .andExpect(jsonPath("$.truncated").value(false))
                .andExpect(jsonPath("$.summary").value(startsWith("No decision made in 2026")));

        ArgumentCaptor<EvidenceRequest> request = ArgumentCaptor.forClass(EvidenceRequest.class);
        verify(query).answer(request.capture());
        assertThat(request.getValue())
                .isEqualTo(new EvidenceRequest(
                        "acme/eng",
                        List.of("acme/eng"),
                        List.of("acme"),
                        2026,
                        LocalDate.parse("2025-01-01"),
                        LocalDate.parse("2026-01-01"),
                        100));
    }

    @Test
    void aUnitAboveTheKeysUnitsIsNarrowedToThem() throws Exception {
        http.perform(get("/analytics/evidence")
                        .param("orgUnit", "acme")
                        .param("year", "2026")
                        .param("learnedFrom", "2024-07-01")
                        .param("limit", "5")
                        .header(HttpHeaders.AUTHORIZATION, ENG_ANALYST_KEY.bearer()))
                .andExpect(status().isOk());

        ArgumentCaptor<EvidenceRequest> request = ArgumentCaptor.forClass(EvidenceRequest.class);
        verify(query).answer(request.capture());
        assertThat(request.getValue().orgUnits()).containsExactly("acme/eng/platform", "acme/eng/data");
        assertThat(request.getValue().keyUnits()).containsExactly("acme/eng/platform", "acme/eng/data");
        // learnedFrom given, learnedTo left at its default
        assertThat(request.getValue().learnedFrom()).isEqualTo(LocalDate.parse("2024-07-01"));
        assertThat(request.getValue().learnedTo()).isEqualTo(LocalDate.parse("2026-01-01"));
        assertThat(request.getValue().limit()).isEqualTo(5);
    }

    @Test
    void aUnitOutsideTheKeyIsRefusedBeforeAnythingIsRead() throws Exception {
        for (String unit : List.of("acme/sales", "acme/eng/web", "initech")) {
            http.perform(get("/analytics/evidence")
                            .param("orgUnit", unit)
                            .param("year", "2026")
                            .header(HttpHeaders.AUTHORIZATION, ENG_ANALYST_KEY.bearer()))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.type").value("urn:learning-loop:problem:outside-units"))
                    .andExpect(jsonPath("$.errors[0].field").value("orgUnit"));
        }
        verifyNoInteractions(query);
    }

    @Test
    void staffWithOnlyReportsReadAndToolsAreForbiddenTheList() throws Exception {
        for (var key : List.of(STAFF_KEY, TOOL_KEY)) {
            http.perform(get("/analytics/evidence")
                            .param("orgUnit", "acme")
                            .param("year", "2026")
                            .header(HttpHeaders.AUTHORIZATION, key.bearer()))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.type").value("urn:learning-loop:problem:forbidden"));
        }
        http.perform(get("/analytics/evidence").param("year", "2026").header(HttpHeaders.AUTHORIZATION, ""))
                .andExpect(status().isUnauthorized());
        verifyNoInteractions(query);
    }
}
