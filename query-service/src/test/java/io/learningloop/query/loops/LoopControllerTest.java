package io.learningloop.query.loops;

import static io.learningloop.testsupport.SampleEvents.actionAssigned;
import static io.learningloop.testsupport.SampleEvents.decision;
import static io.learningloop.testsupport.SampleEvents.lesson;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.argThat;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The loop search's parameters and answer over HTTP, with the index behind it stubbed. */
@WebMvcTest(LoopController.class)
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
