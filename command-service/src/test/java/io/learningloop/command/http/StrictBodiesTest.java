package io.learningloop.command.http;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.learningloop.command.Requests;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What the issue found accepted although wrong, or answered with a 500: each refused as a problem that
 * names its field, by the single endpoint and by a bulk line alike, and never sent.
 */
@WebMvcTest
@Import(HttpSliceConfiguration.class)
class StrictBodiesTest {

    static final String DECISION = Requests.decision("dec-1", RouteSamples.AT);
    static final String RANGE = "must lie in the years 1900 to 2200";

    @Autowired
    MockMvc http;

    @MockitoBean
    StepSender steps;

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(
                        "a far review date",
                        StepBody.of(DECISION)
                                .with("reviewBy", "+999999999-12-31")
                                .json(),
                        "reviewBy",
                        RANGE),
                Arguments.of(
                        "a step before 4713 BC",
                        StepBody.of(DECISION)
                                .with("occurredAt", "-4714-11-24T00:00:00Z")
                                .json(),
                        "occurredAt",
                        RANGE),
                Arguments.of(
                        "a check-in after 2200",
                        StepBody.of(DECISION)
                                .withJson("checkInDates", "[\"2024-02-01\", \"2201-01-01\"]")
                                .json(),
                        "checkInDates[1]",
                        RANGE),
                Arguments.of(
                        "seconds written as a date",
                        StepBody.of(DECISION).with("occurredAt", "9999").json(),
                        "occurredAt",
                        "must be an instant such as 2024-01-05T09:00:00Z"),
                Arguments.of(
                        "a typo of a field",
                        StepBody.of(DECISION)
                                .with("occuredAt", "2024-01-05T09:00:00Z")
                                .json(),
                        "occuredAt",
                        null),
                Arguments.of(
                        "a key given twice",
                        DECISION.trim().replaceFirst("}$", ", \"title\": \"again\"}"),
                        "title",
                        "is given twice"),
                Arguments.of(
                        "an explicit null id",
                        StepBody.of(DECISION).withJson("decisionId", "null").json(),
                        "decisionId",
                        "must be an id or left out (then the server assigns one), not null"),
                Arguments.of("a number as an id", raw("decisionId", "1e400"), "decisionId", "must be a string"),
                Arguments.of("NUL in text", raw("title", "\"a\\u0000b\""), "title", "must not contain NUL (\\u0000)"),
                Arguments.of(
                        "a lone surrogate in text",
                        raw("title", "\"a\\ud800b\""),
                        "title",
                        "must not contain half a surrogate pair (a lone \\ud800-\\udfff)"));
    }

    /** The decision with {@code json} written as it is for the field: no parser on the way to change it. */
    static String raw(String field, String json) {
        return StepBody.of(DECISION).with(field, "@@raw@@").json().replace("\"@@raw@@\"", json);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void isRefusedNamingTheFieldByTheSingleEndpointAndTheBulkLine(
            String what, String body, String field, String message) throws Exception {
        var single = http.perform(post("/decisions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:learning-loop:problem:invalid-step"))
                .andExpect(jsonPath("$.errors[0].field").value(field));
        String line = "{\"step\": \"decision\", " + body.trim().substring(1).replace("\n", " ");
        var bulk = http.perform(post("/steps/bulk")
                        .contentType(MediaType.parseMediaType("application/x-ndjson"))
                        .content(line))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.type").value("urn:learning-loop:problem:invalid-step"))
                .andExpect(jsonPath("$.errors[0].field").value(field));
        if (message != null) {
            single.andExpect(jsonPath("$.errors[0].message").value(message));
            bulk.andExpect(jsonPath("$.errors[0].message").value(message));
        }
        verify(steps, never()).send(any(), any(), any());
    }

    @Test
    void trailingContentAfterTheJsonIsUnreadable() throws Exception {
        http.perform(post("/decisions").contentType(MediaType.APPLICATION_JSON).content(DECISION + "garbage"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:learning-loop:problem:unreadable-body"));
        verify(steps, never()).send(any(), any(), any());
    }

    @Test
    void anyMediaTypeAndAFormAreRefused415AsProblems() throws Exception {
        for (String contentType : new String[] {"*/*", "multipart/form-data; boundary=x"}) {
            http.perform(post("/decisions").header("Content-Type", contentType).content(DECISION))
                    .andExpect(status().isUnsupportedMediaType())
                    .andExpect(jsonPath("$.type").value("urn:learning-loop:problem:unsupported-media-type"));
        }
        verify(steps, never()).send(any(), any(), any());
    }
}
