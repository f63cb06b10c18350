package io.learningloop.query.loops;

import static io.learningloop.testsupport.SampleEvents.actionAssigned;
import static io.learningloop.testsupport.SampleEvents.decision;
import static io.learningloop.testsupport.SampleEvents.lesson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.learningloop.codec.kafka.EventEnvelope;
import io.learningloop.contract.EventTypes;
import io.learningloop.contract.events.DecisionCategory;
import io.learningloop.contract.events.LoopEvent;
import io.learningloop.projection.elasticsearch.Indices;
import io.learningloop.readmodel.LoopDocument;
import io.learningloop.readmodel.LoopStage;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The loop search's parameters and answer over HTTP, with the index behind it stubbed. */
@WebMvcTest(LoopController.class)
@Import(ReadSliceConfiguration.class)
class LoopControllerTest {

    @Autowired
    private MockMvc http;

    @MockitoBean
    private LoopSearch search;

    @Test
    void aStageIsAskedForByItsWireNameAndTheAnswerLeavesTheSequencesOut() throws Exception {
        when(search.search(argThat(criteria -> criteria.stage() == LoopStage.LESSON_LEARNED)))
                .thenReturn(new LoopSearch.Page(1, List.of(storedLoop())));

        http.perform(get("/loops").param("stage", "lesson-learned"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.loops[0].stage").value("lesson-learned"))
                .andExpect(jsonPath("$.loops[0].category").value("product"))
                .andExpect(jsonPath("$.loops[0].actions[0].status").value("open"))
                .andExpect(jsonPath("$.loops[0].decisionSequence").doesNotExist())
                .andExpect(jsonPath("$.loops[0].actions[0].sequence").doesNotExist());
    }

    @Test
    void pendingAndUnknownStagesAreRefusedWithTheStagesThatCanBeAskedFor() throws Exception {
        for (String stage : List.of("pending", "closed")) {
            http.perform(get("/loops").param("stage", stage))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("stage"))
                    .andExpect(jsonPath("$.detail")
                            .value(containsString("'" + stage + "' is not one of [decided,"
                                    + " outcome-observed, lesson-learned, behavior-changed, retracted]")));
        }
    }

    /** A search is narrowed to the key's subtrees: all of them when none is asked, the covered part of a wider one. */
    @Test
    void aSearchSeesOnlyTheKeysUnits() throws Exception {
        when(search.search(argThat(criteria -> criteria != null))).thenReturn(new LoopSearch.Page(0, List.of()));
        String sales = ReadSliceConfiguration.SALES_ANALYST.bearer();

        http.perform(get("/loops").header(HttpHeaders.AUTHORIZATION, sales)).andExpect(status().isOk());
        verify(search).search(argThat(criteria -> criteria.orgUnits().equals(List.of("acme/sales"))));
        http.perform(get("/loops").param("orgUnit", "acme").header(HttpHeaders.AUTHORIZATION, sales))
                .andExpect(status().isOk());
        verify(search, times(2)).search(argThat(criteria -> criteria.orgUnits().equals(List.of("acme/sales"))));
        http.perform(get("/loops").param("orgUnit", "acme/sales/emea").header(HttpHeaders.AUTHORIZATION, sales))
                .andExpect(status().isOk());
        verify(search).search(argThat(criteria -> criteria.orgUnits().equals(List.of("acme/sales/emea"))));

        http.perform(get("/loops").param("orgUnit", "acme/eng").header(HttpHeaders.AUTHORIZATION, sales))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:learning-loop:problem:outside-units"))
                .andExpect(jsonPath("$.errors[0].field").value("orgUnit"));
        verifyNoMoreInteractions(search);
    }

    /** A loop of another unit reads exactly as a loop that does not exist. */
    @Test
    void aLoopOutsideTheKeysUnitsIsNotFound() throws Exception {
        when(search.loop("d-1")).thenReturn(Optional.of(storedLoop()));
        when(search.loop("d-2")).thenReturn(Optional.empty());

        http.perform(get("/loops/d-1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.loop.decisionId").value("d-1"));
        String outside = http.perform(get("/loops/d-1")
                        .header(HttpHeaders.AUTHORIZATION, ReadSliceConfiguration.SALES_ANALYST.bearer()))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String missing = http.perform(get("/loops/d-2")
                        .header(HttpHeaders.AUTHORIZATION, ReadSliceConfiguration.SALES_ANALYST.bearer()))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(outside.replace("d-1", "d-2")).isEqualTo(missing);
    }

    /** Staff keys see aggregates only: no loop, no timeline, no free text. */
    @Test
    void aStaffKeyCannotReadLoops() throws Exception {
        for (String path : List.of("/loops", "/loops/d-1")) {
            http.perform(get(path).header(HttpHeaders.AUTHORIZATION, ReadSliceConfiguration.STAFF.bearer()))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.type").value("urn:learning-loop:problem:forbidden"));
        }
        http.perform(get("/loops").header(HttpHeaders.AUTHORIZATION, "")).andExpect(status().isUnauthorized());
        verifyNoMoreInteractions(search);
    }

    private static LoopDocument storedLoop() {
        LoopsProjection projection = new LoopsProjection(new Indices("test-"));
        LoopDocument loop = null;
        for (LoopEvent event : List.<LoopEvent>of(
                decision("d-1", "acme/eng", DecisionCategory.PRODUCT, "2025-01-01T00:00:00Z"),
                lesson("l-1", "acme/eng", "2025-02-01T00:00:00Z", "d-1"),
                actionAssigned("a-1", "r-1", "2025-01-12T00:00:00Z", "2999-01-01", "d-1"))) {
            loop = projection.apply(
                    "d-1", loop, new EventEnvelope(event, EventTypes.name(event.getClass()), "1", 2, "t", 0, 0));
        }
        return loop;
    }
}
