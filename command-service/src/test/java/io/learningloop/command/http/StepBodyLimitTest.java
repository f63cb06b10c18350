package io.learningloop.command.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.learningloop.command.Requests;
import io.learningloop.command.commands.StepAccepted;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.unit.DataSize;

/** The body limit of single steps ({@code learning-loop.steps.max-body}, 2 KB here): 413 before the body is read. */
@WebMvcTest(properties = "learning-loop.steps.max-body=2KB")
@Import(HttpSliceConfiguration.class)
class StepBodyLimitTest {

    static final int LIMIT = 2048;
    static final String REFUSED = """
            {"type": "urn:learning-loop:problem:body-too-large", "title": "Body too large", "status": 413,
             "detail": "the body is larger than 2048 bytes (learning-loop.steps.max-body); many steps go to POST\
             /steps/bulk, one per line", "instance": "/decisions"}""";

    @Autowired
    MockMvc http;

    @Autowired
    ObjectMapper json;

    @MockitoBean
    StepSender steps;

    @Test
    void aBodyOneByteOverTheLimitIsRefusedAsAProblem() throws Exception {
        http.perform(post("/decisions").contentType(MediaType.APPLICATION_JSON).content(decisionOf(LIMIT + 1)))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("Connection", "close"))
                .andExpect(content().json(REFUSED, true));
        verify(steps, never()).send(any(), any(), any());
    }

    @Test
    void aBodyAtTheLimitIsAStepLikeAnyOther() throws Exception {
        when(steps.send(any(), any(), eq(null))).thenReturn(StepAccepted.recorded("dec-1", "e-1"));

        http.perform(post("/decisions").contentType(MediaType.APPLICATION_JSON).content(decisionOf(LIMIT)))
                .andExpect(status().isCreated());
    }

    @Test
    void aBulkFileHasItsOwnLimits() throws Exception {
        http.perform(post("/steps/bulk")
                        .contentType(BulkImportEndpointTest.NDJSON)
                        .content("\n".repeat(3) + " ".repeat(3 * LIMIT)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string("{\"summary\":{\"lines\":0,\"accepted\":0,\"alreadyRecorded\":0,\"refused\":0}}\n"));
    }

    @Test
    void aBodyBeyondTheJsonLimitsIsUnreadableInTheServicesOwnWords() throws Exception {
        String deep = "{\"title\": " + "[".repeat(40) + "]".repeat(40) + "}";

        String answer = http.perform(post("/decisions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(deep))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(json.readTree(answer).get("type").asText()).isEqualTo("urn:learning-loop:problem:unreadable-body");
        assertThat(answer).doesNotContain("StreamReadConstraints").doesNotContain("jackson");
        verify(steps, never()).send(any(), any(), any());
    }

    /** Chunked (Content-Length -1): nothing to refuse by, so the filter reads one byte past the limit and stops. */
    @Test
    void aBodyWithoutContentLengthIsReadOnlyUpToOneBytePastTheLimit() throws Exception {
        Endless body = new Endless();
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/decisions") {
            @Override
            public ServletInputStream getInputStream() {
                return body;
            }

            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        new StepBodyLimit(new StepBodyProperties(DataSize.ofBytes(LIMIT)), json).doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(json.readTree(response.getContentAsString())).isEqualTo(json.readTree(REFUSED));
        assertThat(body.sent).isEqualTo(LIMIT + 1);
        assertThat(chain.getRequest()).isNull();
    }

    /** A body a step pads with spaces to exactly {@code bytes} bytes. */
    private static String decisionOf(int bytes) {
        String decision = Requests.decision("dec-1", RouteSamples.AT).strip();
        String start = decision.substring(0, decision.length() - 1);
        return start + " ".repeat(bytes - decision.length()) + "}";
    }

    /** A body that never ends, counting what was read of it. */
    private static final class Endless extends ServletInputStream {

        long sent;

        @Override
        public int read() throws IOException {
            sent++;
            return ' ';
        }

        @Override
        public boolean isFinished() {
            return false;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException();
        }
    }
}
