package io.learningloop.command.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.learningloop.command.commands.MakeDecisionCommand;
import io.learningloop.command.commands.ObserveOutcomeCommand;
import io.learningloop.command.commands.StepAccepted;
import io.learningloop.command.domain.ConflictingStepException;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/** The bulk import's handling of lines, with the command gateway stubbed: no database, no Kafka. */
class BulkImportTest {

    static final String DECISION = """
            {"step": "decision", "decisionId": "d-1", "orgUnit": "acme/eng", "occurredAt": "2024-01-05T09:00:00Z", \
            "sourceTool": "t", "actor": "u-1", "title": "x", "category": "operations", "expectedOutcome": "y", \
            "confidence": 0.5, "reviewBy": "2024-04-05"}""";
    static final String OUTCOME = """
            {"step": "outcome", "decisionId": "d-1", "occurredAt": "2024-02-05T09:00:00Z", "sourceTool": "t", \
            "actor": "u-1", "assessment": "as-expected", "summary": "fine"}""";

    final MockClock clock = new MockClock();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
    final CommandGateway gateway = mock(CommandGateway.class);
    final ValidatorFactory validation = Validation.buildDefaultValidatorFactory();
    final Validator validator = validation.getValidator();
    final ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();
    final BulkImport bulk = new BulkImport(
            new StepSender(gateway, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)),
            new StepBinder(json, validator),
            meters);
    final List<Map<String, Object>> results = new ArrayList<>();

    @AfterEach
    void closeValidation() {
        validation.close();
    }

    @Test
    void eachLineIsSentAsItsOwnCommandAndAnsweredWithItsLineNumber() throws IOException {
        when(gateway.sendAndWait(any(MakeDecisionCommand.class))).thenAnswer(call -> {
            clock.add(Duration.ofMillis(30));
            return StepAccepted.recorded("d-1", "e-1");
        });
        when(gateway.sendAndWait(any(ObserveOutcomeCommand.class))).thenReturn(StepAccepted.repeated("d-1", "e-2"));

        BulkImport.Summary summary = bulk.run(List.of(DECISION, "", OUTCOME), results::add);

        assertThat(results)
                .containsExactly(
                        Map.of(
                                "line",
                                1,
                                "status",
                                201,
                                "step",
                                "decision",
                                "id",
                                "d-1",
                                "eventId",
                                "e-1",
                                "alreadyRecorded",
                                false),
                        Map.of(
                                "line",
                                3,
                                "status",
                                200,
                                "step",
                                "outcome",
                                "id",
                                "d-1",
                                "eventId",
                                "e-2",
                                "alreadyRecorded",
                                true),
                        Map.of("summary", new BulkImport.Summary(2, 1, 1, 0)));
        assertThat(summary).isEqualTo(new BulkImport.Summary(2, 1, 1, 0));
        assertThat(meters.get("learningloop.bulk.lines")
                        .tag("outcome", "accepted")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(meters.get("learningloop.bulk.lines")
                        .tag("outcome", "repeated")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(meters.get("learningloop.bulk.imports").timer().totalTime(TimeUnit.MILLISECONDS))
                .isEqualTo(30);
    }

    @Test
    void aRefusedLineDoesNotStopTheOthers() throws IOException {
        when(gateway.sendAndWait(any(MakeDecisionCommand.class)))
                .thenThrow(new ConflictingStepException("decision 'd-1' was already recorded with other content"));
        when(gateway.sendAndWait(any(ObserveOutcomeCommand.class))).thenReturn(StepAccepted.recorded("d-1", "e-2"));

        bulk.run(List.of(DECISION, "garbage", OUTCOME), results::add);

        assertThat(results).extracting(result -> result.get("status")).containsExactly(409, 400, 201, null);
        assertThat(results.get(0))
                .containsEntry("type", "urn:learning-loop:problem:conflicting-step")
                .containsEntry("detail", "decision 'd-1' was already recorded with other content");
        assertThat(results.get(1))
                .containsEntry("type", "urn:learning-loop:problem:unreadable-body")
                .doesNotContainKey("step");
        assertThat(meters.get("learningloop.bulk.lines")
                        .tag("outcome", "refused")
                        .counter()
                        .count())
                .isEqualTo(2);
    }

    @Test
    void anInvalidLineIsRefusedWithTheSingleEndpointsFieldsAndNeverSent() throws IOException {
        bulk.run(List.of(DECISION.replace("0.5", "1.5").replace("\"acme/eng\"", "\"Acme\"")), results::add);

        assertThat(results.get(0))
                .containsEntry("status", 400)
                .containsEntry("type", "urn:learning-loop:problem:invalid-step")
                .containsEntry("detail", "2 field(s) are invalid");
        assertThat(results.get(0).get("errors").toString()).contains("field=confidence", "field=orgUnit");
        verify(gateway, never()).sendAndWait(any());
    }

    @Test
    void anOutcomeNamesItsDecisionInTheLine() throws IOException {
        when(gateway.sendAndWait(any(ObserveOutcomeCommand.class)))
                .thenThrow(new AggregateNotFoundException("d-1", "not found"));

        bulk.run(
                List.of(
                        OUTCOME,
                        OUTCOME.replace("\"decisionId\": \"d-1\", ", ""),
                        OUTCOME.replace("\"d-1\"", "\"not an id\""),
                        OUTCOME.replace("\"d-1\"", "17")),
                results::add);

        assertThat(results.get(0))
                .containsEntry("status", 404)
                .containsEntry("type", "urn:learning-loop:problem:unknown-reference")
                .containsEntry("detail", "no decision with id 'd-1'");
        assertThat(results.subList(1, 4))
                .allSatisfy(result -> assertThat(result)
                        .containsEntry("status", 400)
                        .containsEntry("type", "urn:learning-loop:problem:invalid-step"));
        assertThat(results.get(1).get("errors").toString()).contains("field=decisionId, message=must not be null");
        assertThat(results.get(3).get("errors").toString()).contains("field=decisionId, message=must be a string");
    }

    @Test
    void aLineWithoutAKnownStepSaysWhichStepsThereAre() throws IOException {
        bulk.run(
                List.of("{\"title\": \"x\"}", "{\"step\": \"retro\"}", "[1]", "{\"step\":\"lesson\"} {}"),
                results::add);

        assertThat(results.get(0).get("errors").toString())
                .contains("field=step, message=must be one of [decision, check-in, outcome, review, action,"
                        + " action-completion, action-drop, lesson, lesson-share, behavior-change, decision-amendment,"
                        + " decision-retraction, outcome-amendment, outcome-retraction, review-amendment,"
                        + " review-retraction, action-amendment, action-retraction, lesson-amendment, lesson-retraction,"
                        + " behavior-change-amendment, behavior-change-retraction]");
        assertThat(results.get(1)).containsEntry("step", "retro");
        assertThat(results.get(1).get("errors").toString()).contains("'retro' is not one of");
        assertThat(results.get(2)).containsEntry("detail", "the line is not a JSON object");
        assertThat(results.get(3)).containsEntry("type", "urn:learning-loop:problem:unreadable-body");
    }
}
