package io.learningloop.command.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.learningloop.command.Requests;
import io.learningloop.command.commands.StepAccepted;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** {@code POST /steps/bulk} over HTTP with the step sender mocked: line results, limits and media type. */
@WebMvcTest(properties = "learning-loop.bulk.max-lines=4")
@Import(HttpSliceConfiguration.class)
class BulkImportEndpointTest {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    @Autowired
    MockMvc http;

    @MockitoBean
    StepSender steps;

    @Test
    void eachLineIsAnsweredOnItsOwnLineThenTheSummary() throws Exception {
        when(steps.send(any(), any(), eq(null))).thenReturn(StepAccepted.recorded("dec-1", "e-1"));
        String decision = "{\"step\": \"decision\", "
                + oneLine(Requests.decision("dec-1", RouteSamples.AT)).substring(1);

        String answer = http.perform(
                        post("/steps/bulk").contentType(NDJSON).content(decision + "\n\n{\"step\": \"lesson\"}\n"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/x-ndjson;charset=UTF-8"))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(answer.split("\n"))
                .containsExactly(
                        "{\"line\":1,\"status\":201,\"step\":\"decision\",\"id\":\"dec-1\",\"eventId\":\"e-1\","
                                + "\"alreadyRecorded\":false}",
                        "{\"line\":3,\"status\":400,\"step\":\"lesson\",\"type\":\"urn:learning-loop:problem:invalid-step\","
                                + "\"title\":\"Invalid step\",\"detail\":\"6 field(s) are invalid\",\"errors\":["
                                + "{\"field\":\"actor\",\"message\":\"must not be null\"},"
                                + "{\"field\":\"lesson\",\"message\":\"must not be blank\"},"
                                + "{\"field\":\"occurredAt\",\"message\":\"must not be null\"},"
                                + "{\"field\":\"orgUnit\",\"message\":\"must not be null\"},"
                                + "{\"field\":\"sourceTool\",\"message\":\"must not be blank\"},"
                                + "{\"field\":\"thinkingChange\",\"message\":\"must not be blank\"}]}",
                        "{\"summary\":{\"lines\":2,\"accepted\":1,\"alreadyRecorded\":0,\"refused\":1}}");
    }

    @Test
    void aFileOverTheLineLimitIsRefusedBeforeAnythingIsStored() throws Exception {
        http.perform(post("/steps/bulk").contentType(NDJSON).content("{}\n{}\n{}\n{}\n{}\n"))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().json("""
                        {"type": "urn:learning-loop:problem:bulk-too-large", "title": "Bulk file too large",
                         "status": 413, "detail": "the file has more than 4 lines; post it in parts (posting a part\
                         again is safe)", "instance": "/steps/bulk"}
                        """, true));
        verify(steps, never()).send(any(), any(), any());
    }

    @Test
    void aBodyThatIsNotNdjsonIsRefused415() throws Exception {
        http.perform(post("/steps/bulk").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnsupportedMediaType());
        verify(steps, never()).send(any(), any(), any());
    }

    private static String oneLine(String json) {
        return json.replace("\n", " ").strip();
    }
}
