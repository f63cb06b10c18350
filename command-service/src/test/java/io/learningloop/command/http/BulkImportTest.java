package io.learningloop.command.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.learningloop.access.Caller;
import io.learningloop.access.Scope;
import io.learningloop.command.commands.AmendDecisionCommand;
import io.learningloop.command.commands.MakeDecisionCommand;
import io.learningloop.command.commands.ObserveOutcomeCommand;
import io.learningloop.command.commands.RetractDecisionCommand;
import io.learningloop.command.commands.StepAccepted;
import io.learningloop.command.commands.Writer;
import io.learningloop.command.domain.ConflictingStepException;
import io.learningloop.command.pseudonyms.TestPseudonyms;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.unit.DataSize;

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
    static final BulkImportProperties LIMITS =
            new BulkImportProperties(100, DataSize.ofKilobytes(64), DataSize.ofBytes(1_000), 3);
    final ObjectMapper json = boundedJson();
    final BulkImport bulk = new BulkImport(
            new StepSender(gateway, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)),
            new StepBinder(json, validator, TestPseudonyms.pseudonymiser()),
            TestLineBatches.oneByOne(),
            meters,
            LIMITS);
    final List<Map<String, Object>> results = new ArrayList<>();

    /** The tool's key covers acme/eng, where the file's steps lie. */
    static final Caller TOOL = new Caller("toolkey00001", "bulk-tool", Set.of(Scope.STEPS_WRITE), List.of("acme/eng"));

    @BeforeEach
    void authenticate() {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(TOOL, null));
    }

    @AfterEach
    void closeValidation() {
        validation.close();
        SecurityContextHolder.clearContext();
    }

    /** A command message of that payload, sent for the tool's key. */
    private static CommandMessage<?> command(Class<?> payload) {
        return argThat(message -> message != null
                && payload.isInstance(message.getPayload())
                && TOOL.keyId().equals(message.getMetaData().get(Writer.KEY_ID)));
    }

    @Test
    void aLineOfAnotherUnitIsRefusedOnItsOwnAndNothingIsSentForIt() throws IOException {
        when(gateway.sendAndWait(command(ObserveOutcomeCommand.class))).thenReturn(StepAccepted.recorded("d-1", "e-2"));

        BulkImport.Summary summary = run(List.of(DECISION.replace("acme/eng", "acme/sales"), OUTCOME));

        assertThat(results.get(0))
                .containsEntry("status", 403)
                .containsEntry("type", "urn:learning-loop:problem:outside-units")
                .containsEntry("detail", "org unit 'acme/sales' lies outside the org units of this key");
        assertThat(results.get(1)).containsEntry("status", 201);
        assertThat(summary).isEqualTo(new BulkImport.Summary(2, 1, 0, 1));
        verify(gateway, never()).sendAndWait(command(MakeDecisionCommand.class));
    }

    @Test
    void eachLineIsSentAsItsOwnCommandAndAnsweredWithItsLineNumber() throws IOException {
        when(gateway.sendAndWait(command(MakeDecisionCommand.class))).thenAnswer(call -> {
            clock.add(Duration.ofMillis(30));
            return StepAccepted.recorded("d-1", "e-1");
        });
        when(gateway.sendAndWait(command(ObserveOutcomeCommand.class))).thenReturn(StepAccepted.repeated("d-1", "e-2"));

        BulkImport.Summary summary = run(List.of(DECISION, "", OUTCOME));

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
    void everyPersonOfALineIsSentAsTheirPseudonymTheSameOnEveryLine() throws IOException {
        when(gateway.sendAndWait(any())).thenReturn(StepAccepted.recorded("d-1", "e-1"));
        String amendment = """
                {"step": "decision-amendment", "decisionId": "d-1", "sourceTool": "t", "actor": "U-4711 ", \
                "reason": "typo", "correction": %s}""".formatted(DECISION.replace("\"step\": \"decision\", ", "")
                .replace("\"u-1\"", "\"jane.doe@acme.example\""));
        String retraction = """
                {"step": "decision-retraction", "decisionId": "d-1", "sourceTool": "t", "actor": "u-4711", \
                "reason": "wrong"}""";

        run(List.of(DECISION.replace("\"u-1\"", "\"Jane.Doe@Acme.Example\""), amendment, retraction));

        assertThat(results).allSatisfy(result -> assertThat(result).doesNotContainKey("errors"));
        ArgumentCaptor<CommandMessage<?>> sent = ArgumentCaptor.captor();
        verify(gateway, times(3)).sendAndWait(sent.capture());
        MakeDecisionCommand decision =
                (MakeDecisionCommand) sent.getAllValues().get(0).getPayload();
        AmendDecisionCommand amended =
                (AmendDecisionCommand) sent.getAllValues().get(1).getPayload();
        RetractDecisionCommand retracted =
                (RetractDecisionCommand) sent.getAllValues().get(2).getPayload();
        assertThat(decision.provenance().actor()).isEqualTo(TestPseudonyms.JANE);
        assertThat(amended.correction().provenance().actor()).isEqualTo(TestPseudonyms.JANE);
        assertThat(amended.by().actor()).isEqualTo(TestPseudonyms.U_4711);
        assertThat(retracted.by().actor()).isEqualTo(TestPseudonyms.U_4711);
    }

    @Test
    void aRefusedLineDoesNotStopTheOthers() throws IOException {
        when(gateway.sendAndWait(command(MakeDecisionCommand.class)))
                .thenThrow(new ConflictingStepException("decision 'd-1' was already recorded with other content"));
        when(gateway.sendAndWait(command(ObserveOutcomeCommand.class))).thenReturn(StepAccepted.recorded("d-1", "e-2"));

        run(List.of(DECISION, "garbage", OUTCOME));

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
        run(List.of(DECISION.replace("0.5", "1.5").replace("\"acme/eng\"", "\"Acme\"")));

        assertThat(results.get(0))
                .containsEntry("status", 400)
                .containsEntry("type", "urn:learning-loop:problem:invalid-step")
                .containsEntry("detail", "2 field(s) are invalid");
        assertThat(results.get(0).get("errors").toString()).contains("field=confidence", "field=orgUnit");
        verify(gateway, never()).sendAndWait(any());
    }

    @Test
    void anOutcomeNamesItsDecisionInTheLine() throws IOException {
        when(gateway.sendAndWait(command(ObserveOutcomeCommand.class)))
                .thenThrow(new AggregateNotFoundException("d-1", "not found"));

        run(List.of(
                OUTCOME,
                OUTCOME.replace("\"decisionId\": \"d-1\", ", ""),
                OUTCOME.replace("\"d-1\"", "\"not an id\""),
                OUTCOME.replace("\"d-1\"", "17")));

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
        run(List.of("{\"title\": \"x\"}", "{\"step\": \"retro\"}", "[1]", "{\"step\":\"lesson\"} {}"));

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

    @Test
    void aLineOverTheLineLimitIsRefusedOnItsOwn() throws IOException {
        when(gateway.sendAndWait(command(ObserveOutcomeCommand.class))).thenReturn(StepAccepted.recorded("d-1", "e-2"));
        String longDecision = DECISION.replace("\"title\": \"x\"", "\"title\": \"" + "x".repeat(1_000) + "\"");

        BulkImport.Summary summary = run(List.of(longDecision, OUTCOME));

        assertThat(results.get(0))
                .containsExactly(
                        Map.entry("line", 1),
                        Map.entry("status", 413),
                        Map.entry("type", "urn:learning-loop:problem:line-too-long"),
                        Map.entry("title", "Line too long"),
                        Map.entry("detail", "the line is longer than 1000 bytes (learning-loop.bulk.max-line-bytes)"));
        assertThat(results.get(1)).containsEntry("line", 2).containsEntry("status", 201);
        assertThat(summary).isEqualTo(new BulkImport.Summary(2, 1, 0, 1));
        verify(gateway, never()).sendAndWait(command(MakeDecisionCommand.class));
    }

    @Test
    void aLineBeyondTheJsonLimitsIsRefusedInTheServicesOwnWords() throws IOException {
        String deep = "{\"step\": \"decision\", \"title\": " + "[".repeat(40) + "]".repeat(40) + "}";
        String longNumber = "{\"step\": \"decision\", \"confidence\": 0." + "1".repeat(200) + "}";

        run(List.of(deep, longNumber));

        assertThat(results.subList(0, 2))
                .allSatisfy(result -> assertThat(result)
                        .containsEntry("status", 400)
                        .containsEntry("type", "urn:learning-loop:problem:unreadable-body")
                        .containsEntry(
                                "detail",
                                "the line nests deeper than 32 levels, or has a field name longer than 200 or a"
                                        + " number longer than 100 characters"));
        verify(gateway, never()).sendAndWait(any());
    }

    /** The file's lines, as the controller hands them over: spooled, then read back one at a time. */
    private BulkImport.Summary run(List<String> lines) throws IOException {
        byte[] file = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        try (NdjsonBody body = NdjsonBody.spool(
                new ByteArrayInputStream(file),
                LIMITS.maxLines(),
                LIMITS.maxBytes().toBytes(),
                (int) LIMITS.maxLineBytes().toBytes())) {
            return bulk.run(body, results::add);
        }
    }

    /** The service's mapper, with the reading limits it has in the application. */
    private static ObjectMapper boundedJson() {
        Jackson2ObjectMapperBuilder builder = Jackson2ObjectMapperBuilder.json();
        new RequestJson()
                .boundedJsonReading(new StepBodyProperties(DataSize.ofMegabytes(1)), LIMITS)
                .customize(builder);
        return builder.build();
    }
}
