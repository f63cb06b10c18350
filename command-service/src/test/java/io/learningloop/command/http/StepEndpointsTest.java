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

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.learningloop.command.Requests;
import io.learningloop.command.commands.StepAccepted;
import io.learningloop.command.domain.ConflictingStepException;
import io.learningloop.command.domain.LoopRuleViolationException;
import io.learningloop.command.domain.UnknownReferenceException;
import io.learningloop.command.pseudonyms.TestPseudonyms;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Every single-step route over HTTP with the step sender mocked: what binds, what is refused and how,
 * and what a tool gets back. The problems are exactly the ones the API promises (README, OpenAPI).
 */
@WebMvcTest
@Import(HttpSliceConfiguration.class)
class StepEndpointsTest {

    static final String ID_MESSAGE = "must be 1-100 letters, digits or . _ : - (starting with a letter or digit)";

    @Autowired
    MockMvc http;

    @Autowired
    ObjectMapper json;

    @MockitoBean
    StepSender steps;

    static List<RouteSamples> routes() {
        return RouteSamples.ALL;
    }

    static Stream<RouteSamples> routesWithPathId() {
        return RouteSamples.ALL.stream().filter(RouteSamples::hasPathId);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void aNewStepAnswers201WithItsIdsAndIsSentAsItsKindWithTheBodyAsPostedAndEveryPersonPseudonymised(
            RouteSamples route) throws Exception {
        when(steps.send(any(), any(), any())).thenReturn(StepAccepted.recorded(route.answeredId(), "e-1"));

        postJson(route.path(), route.body())
                .andExpect(status().isCreated())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(content().json("""
                        {"%s": "%s", "eventId": "e-1", "alreadyRecorded": false}
                        """.formatted(route.idField(), route.answeredId()), true));

        ArgumentCaptor<StepKind<StepRequest>> kind = ArgumentCaptor.captor();
        ArgumentCaptor<StepRequest> request = ArgumentCaptor.captor();
        verify(steps).send(kind.capture(), request.capture(), eq(route.givenId()));
        assertThat(kind.getValue().name()).isEqualTo(route.kind());
        // Every route is walked here, corrections included: no kind of step keeps a raw identity.
        String pseudonymised = route.body()
                .replace("\"u-4711\"", "\"" + TestPseudonyms.U_4711 + "\"")
                .replace("\"u-0815\"", "\"" + TestPseudonyms.U_0815 + "\"");
        assertThat(pseudonymised).isNotEqualTo(route.body());
        assertThat(withoutNulls(request.getValue())).isEqualTo(json.readTree(pseudonymised));
    }

    @Test
    void theSamePersonIsOnePseudonymWhateverTheCaseAndSurroundingSpaces() throws Exception {
        when(steps.send(any(), any(), any())).thenReturn(StepAccepted.recorded("act-1", "e-1"));
        String body = StepBody.of(route("/actions").body())
                .with("actor", "  Jane.Doe@ACME.example ")
                .with("owner", "jane.doe@acme.example")
                .json();

        postJson("/actions", body).andExpect(status().isCreated());

        ArgumentCaptor<StepRequest> request = ArgumentCaptor.captor();
        verify(steps).send(any(), request.capture(), any());
        ActionRequest action = (ActionRequest) request.getValue();
        assertThat(action.actor()).isEqualTo(TestPseudonyms.JANE);
        assertThat(action.owner()).isEqualTo(TestPseudonyms.JANE);
    }

    @Test
    void aPseudonymReadBackAndPostedAgainIsKeptSoTheRepostIsARepeat() throws Exception {
        when(steps.send(any(), any(), any())).thenReturn(StepAccepted.recorded("dec-1", "e-1"));
        String readBack = StepBody.of(route("/decisions").body())
                .with("actor", TestPseudonyms.U_4711)
                .json();

        postJson("/decisions", readBack).andExpect(status().isCreated());

        ArgumentCaptor<StepRequest> request = ArgumentCaptor.captor();
        verify(steps).send(any(), request.capture(), any());
        assertThat(request.getValue().actor()).isEqualTo(TestPseudonyms.U_4711);
    }

    static Stream<Arguments> identitiesThatNameNoOne() {
        return Stream.of(
                Arguments.of("empty", ""),
                Arguments.of("blank", "   "),
                Arguments.of("a line break", "jane\ndoe"),
                Arguments.of("a tab", "jane\tdoe"),
                Arguments.of("longer than any e-mail address", "j".repeat(PersonFields.MAX_IDENTITY + 1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("identitiesThatNameNoOne")
    void anIdentityThatNamesNoOneIsRefusedWithTheOtherInvalidFieldsAndNeverSent(String why, String identity)
            throws Exception {
        String body = StepBody.of(route("/actions").body())
                .with("owner", identity)
                .with("what", "")
                .json();

        postJson("/actions", body)
                .andExpect(status().isBadRequest())
                .andExpect(content()
                        .json(
                                invalidStep(
                                        "/actions",
                                        errors("owner", StepRules.PERSON_MESSAGE, "what", "must not be blank")),
                                true));
        verify(steps, never()).send(any(), any(), any());
    }

    @Test
    void aPersonWhoIsANumberIsRefusedAsText() throws Exception {
        postJson(
                        "/decisions",
                        StepBody.of(route("/decisions").body())
                                .withJson("actor", "4711")
                                .json())
                .andExpect(status().isBadRequest())
                .andExpect(content().json("""
                        {"type": "urn:learning-loop:problem:invalid-step", "errors": [{"field": "actor"}]}
                        """));
        verify(steps, never()).send(any(), any(), any());
    }

    @Test
    void everyKindOfStepHasOneRouteAndEveryRouteIsWalkedHere() {
        assertThat(StepRoutes.ALL.stream().map(route -> route.kind().name()))
                .containsExactlyInAnyOrderElementsOf(StepKinds.names())
                .containsExactlyInAnyOrderElementsOf(
                        RouteSamples.ALL.stream().map(RouteSamples::kind).toList());
    }

    @Test
    void theAnswerNamesTheIdFirstThenTheEventIdAndWhetherItWasRecordedBefore() throws Exception {
        when(steps.send(any(), any(), any())).thenReturn(StepAccepted.recorded("les-1", "e-1"));

        postJson("/lessons/les-1/shares", route("/lessons/les-1/shares").body())
                .andExpect(content().string("{\"lessonId\":\"les-1\",\"eventId\":\"e-1\",\"alreadyRecorded\":false}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void theSameStepPostedAgainAnswers200AlreadyRecorded(RouteSamples route) throws Exception {
        when(steps.send(any(), any(), any())).thenReturn(StepAccepted.repeated(route.answeredId(), "e-0"));

        postJson(route.path(), route.body())
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"%s": "%s", "eventId": "e-0", "alreadyRecorded": true}
                        """.formatted(route.idField(), route.answeredId()), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("emptyBodies")
    void anEmptyObjectIsRefusedWithEveryRequiredFieldNamed(RouteSamples route, String errors) throws Exception {
        postJson(route.path(), "{}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(content().json(invalidStep(route.path(), errors), true));
        verify(steps, never()).send(any(), any(), any());
    }

    static Stream<Arguments> emptyBodies() {
        return Stream.of(
                Arguments.of(route("/decisions"), EMPTY_DECISION),
                Arguments.of(
                        route("/decisions/dec-1/outcome"),
                        errors(
                                "actor",
                                "must not be null",
                                "assessment",
                                "must not be null",
                                "occurredAt",
                                "must not be null",
                                "sourceTool",
                                "must not be blank",
                                "summary",
                                "must not be blank")),
                Arguments.of(
                        route("/decisions/dec-1/check-ins"),
                        errors(
                                "actor",
                                "must not be null",
                                "occurredAt",
                                "must not be null",
                                "onTrack",
                                "must not be null",
                                "readings",
                                "must not be null",
                                "scheduledFor",
                                "must not be null",
                                "sourceTool",
                                "must not be blank")),
                Arguments.of(
                        route("/lessons"),
                        errors(
                                "actor",
                                "must not be null",
                                "lesson",
                                "must not be blank",
                                "occurredAt",
                                "must not be null",
                                "orgUnit",
                                "must not be null",
                                "sourceTool",
                                "must not be blank",
                                "thinkingChange",
                                "must not be blank")),
                Arguments.of(
                        route("/lessons/les-1/shares"),
                        errors(
                                "actor",
                                "must not be null",
                                "occurredAt",
                                "must not be null",
                                "sharedWithOrgUnit",
                                "must not be null",
                                "sourceTool",
                                "must not be blank")),
                Arguments.of(
                        route("/behavior-changes"),
                        errors(
                                "actor",
                                "must not be null",
                                "decisionId",
                                "must not be null",
                                "description",
                                "must not be blank",
                                "lessonIds",
                                "must not be empty",
                                "occurredAt",
                                "must not be null",
                                "orgUnit",
                                "must not be null",
                                "sourceTool",
                                "must not be blank")),
                Arguments.of(
                        route("/reviews"),
                        errors(
                                "actor",
                                "must not be null",
                                "blameless",
                                "must not be null",
                                "decisionIds",
                                "must not be empty",
                                "facilitated",
                                "must not be null",
                                "kind",
                                "must not be null",
                                "occurredAt",
                                "must not be null",
                                "orgUnit",
                                "must not be null",
                                "participantCount",
                                "must not be null",
                                "rootCauses",
                                "must not be empty",
                                "sourceTool",
                                "must not be blank")),
                Arguments.of(
                        route("/actions"),
                        errors(
                                "actor",
                                "must not be null",
                                "dueDate",
                                "must not be null",
                                "occurredAt",
                                "must not be null",
                                "orgUnit",
                                "must not be null",
                                "owner",
                                "must not be null",
                                "reviewId",
                                "must not be null",
                                "sourceTool",
                                "must not be blank",
                                "what",
                                "must not be blank")),
                Arguments.of(
                        route("/actions/act-1/completion"),
                        errors(
                                "actor",
                                "must not be null",
                                "note",
                                "must not be blank",
                                "occurredAt",
                                "must not be null",
                                "sourceTool",
                                "must not be blank")),
                Arguments.of(
                        route("/actions/act-1/drop"),
                        errors(
                                "actor",
                                "must not be null",
                                "occurredAt",
                                "must not be null",
                                "reason",
                                "must not be blank",
                                "sourceTool",
                                "must not be blank")),
                Arguments.of(route("/decisions/dec-1/amendment"), EMPTY_AMENDMENT),
                Arguments.of(route("/decisions/dec-1/retraction"), EMPTY_RETRACTION),
                Arguments.of(route("/decisions/dec-1/outcome/amendment"), EMPTY_AMENDMENT),
                Arguments.of(route("/decisions/dec-1/outcome/retraction"), EMPTY_RETRACTION),
                Arguments.of(route("/lessons/les-1/amendment"), EMPTY_AMENDMENT),
                Arguments.of(route("/lessons/les-1/retraction"), EMPTY_RETRACTION),
                Arguments.of(route("/reviews/rev-1/amendment"), EMPTY_AMENDMENT),
                Arguments.of(route("/reviews/rev-1/retraction"), EMPTY_RETRACTION),
                Arguments.of(route("/actions/act-1/amendment"), EMPTY_AMENDMENT),
                Arguments.of(route("/actions/act-1/retraction"), EMPTY_RETRACTION),
                Arguments.of(route("/behavior-changes/bc-1/amendment"), EMPTY_AMENDMENT),
                Arguments.of(route("/behavior-changes/bc-1/retraction"), EMPTY_RETRACTION));
    }

    static final String EMPTY_DECISION = errors(
            "actor",
            "must not be null",
            "category",
            "must not be null",
            "confidence",
            "must not be null",
            "expectedOutcome",
            "must not be blank",
            "occurredAt",
            "must not be null",
            "orgUnit",
            "must not be null",
            "reviewBy",
            "must not be null",
            "sourceTool",
            "must not be blank",
            "title",
            "must not be blank");
    static final String EMPTY_AMENDMENT = errors(
            "actor",
            "must not be null",
            "correction",
            "must not be null",
            "reason",
            "must not be blank",
            "sourceTool",
            "must not be blank");
    static final String EMPTY_RETRACTION =
            errors("actor", "must not be null", "reason", "must not be blank", "sourceTool", "must not be blank");

    @Test
    void fieldsOfTheWrongFormatAreEachNamedWithWhatTheyMustBe() throws Exception {
        postJson("/decisions", """
                {"decisionId": "dec 1", "orgUnit": "Acme Eng", "occurredAt": "2026-01-05T09:00:00Z",
                 "sourceTool": "decision-log", "actor": "jane\\ndoe", "title": "", "category": "operations",
                 "expectedOutcome": "x", "confidence": 1.5, "reviewBy": "2026-04-05",
                 "informedByLessonIds": ["les 1"], "leadingIndicators": [" "]}""")
                .andExpect(status().isBadRequest())
                .andExpect(content()
                        .json(
                                invalidStep(
                                        "/decisions",
                                        errors(
                                                "actor", StepRules.PERSON_MESSAGE,
                                                "confidence", "must be less than or equal to 1.0",
                                                "decisionId", ID_MESSAGE,
                                                "informedByLessonIds[0]", ID_MESSAGE,
                                                "leadingIndicators[0]", "must not be blank",
                                                "orgUnit", "must be a lower-case path such as acme/eng/platform",
                                                "title", "must not be blank")),
                                true));
    }

    @Test
    void theCorrectedStepOfAnAmendmentIsValidatedLikeTheStepItselfUnderCorrection() throws Exception {
        postJson("/decisions/dec-1/amendment", Requests.amendment("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(content()
                        .json(
                                invalidStep(
                                        "/decisions/dec-1/amendment",
                                        EMPTY_DECISION.replace("\"field\": \"", "\"field\": \"correction.")),
                                true));
    }

    @Test
    void nestedPartsOfAStepAreValidatedWithTheirIndex() throws Exception {
        postJson(
                        "/reviews",
                        StepBody.of(route("/reviews").body())
                                .withJson("rootCauses", "[{\"theme\": \"Ownership!\", \"text\": \"\"}]")
                                .json())
                .andExpect(status().isBadRequest())
                .andExpect(content()
                        .json(
                                invalidStep(
                                        "/reviews",
                                        errors(
                                                "rootCauses[0].text", "must not be blank",
                                                "rootCauses[0].theme", "must be a theme such as ownership")),
                                true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routesWithPathId")
    void anInvalidIdInThePathIsRefusedNamingThePathParameter(RouteSamples route) throws Exception {
        String path = route.pathWith("no such id!");
        postJson(path, route.body())
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(content().json("""
                        {"type": "urn:learning-loop:problem:invalid-step", "title": "Invalid step", "status": 400,
                         "detail": "a path parameter is invalid", "instance": "%s",
                         "errors": [{"field": "%s", "message": "%s"}]}
                        """.formatted(path.replace(" ", "%20"), route.idField(), ID_MESSAGE), true));
        verify(steps, never()).send(any(), any(), any());
    }

    @Test
    void anInvalidBodyIsReportedBeforeAnInvalidPathId() throws Exception {
        postJson("/actions/not valid/drop", "{}")
                .andExpect(status().isBadRequest())
                .andExpect(content()
                        .json(
                                invalidStep(
                                        "/actions/not%20valid/drop",
                                        errors(
                                                "actor",
                                                "must not be null",
                                                "occurredAt",
                                                "must not be null",
                                                "reason",
                                                "must not be blank",
                                                "sourceTool",
                                                "must not be blank")),
                                true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void aBodyThatIsNoJsonIsUnreadable(RouteSamples route) throws Exception {
        postJson(route.path(), "{\"occurredAt\": ")
                .andExpect(status().isBadRequest())
                .andExpect(content().json(unreadable(route.path()), true));
        verify(steps, never()).send(any(), any(), any());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void aMissingBodyIsUnreadable(RouteSamples route) throws Exception {
        http.perform(post(route.path()).contentType(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest())
                .andExpect(content().json(unreadable(route.path()), true));
    }

    @Test
    void aJsonArrayIsUnreadable() throws Exception {
        postJson("/lessons", "[]")
                .andExpect(status().isBadRequest())
                .andExpect(content().json(unreadable("/lessons"), true));
    }

    @Test
    void aFieldThatCannotBeReadIsNamedWithWhyInvalidStep() throws Exception {
        postJson(
                        "/decisions",
                        StepBody.of(route("/decisions").body())
                                .with("occurredAt", "yesterday")
                                .json())
                .andExpect(status().isBadRequest())
                .andExpect(content()
                        .json(
                                cannotBeRead(
                                        "/decisions", "occurredAt", "Text 'yesterday' could not be parsed at index 0"),
                                true));
    }

    @Test
    void aValueOutsideAVocabularyNamesTheValuesAccepted() throws Exception {
        postJson(
                        "/decisions",
                        StepBody.of(route("/decisions").body())
                                .with("category", "hunch")
                                .json())
                .andExpect(status().isBadRequest())
                .andExpect(content()
                        .json(
                                cannotBeRead(
                                        "/decisions",
                                        "category",
                                        "'hunch' is not one of [strategy, talent, org-design, product, operations, other]"),
                                true));
    }

    @Test
    void aFieldOfTheCorrectionThatCannotBeReadIsNamedWithItsPath() throws Exception {
        postJson(
                        "/decisions/dec-1/outcome/amendment",
                        Requests.amendment(StepBody.of(Requests.outcome(RouteSamples.LATER))
                                .with("assessment", "great")
                                .json()))
                .andExpect(status().isBadRequest())
                .andExpect(content()
                        .json(
                                cannotBeRead(
                                        "/decisions/dec-1/outcome/amendment",
                                        "correction.assessment",
                                        "'great' is not one of [better-than-expected, as-expected, worse-than-expected, failed]"),
                                true));
    }

    @Test
    void anElementOfAListThatCannotBeReadIsNamedWithItsIndex() throws Exception {
        postJson(
                        "/decisions",
                        StepBody.of(route("/decisions").body())
                                .withJson("checkInDates", "[\"2024-02-01\", \"soon\"]")
                                .json())
                .andExpect(status().isBadRequest())
                .andExpect(content()
                        .json(
                                cannotBeRead(
                                        "/decisions", "checkInDates[1]", "Text 'soon' could not be parsed at index 0"),
                                true));
    }

    @Test
    void aBodyThatIsNotJsonByItsContentTypeIsRefused415() throws Exception {
        http.perform(post("/decisions")
                        .contentType(MediaType.TEXT_PLAIN)
                        .content(RouteSamples.ALL.get(0).body()))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().json("""
                        {"type": "urn:learning-loop:problem:unsupported-media-type", "title": "Unsupported Media Type", "status": 415,
                         "detail": "Content-Type 'text/plain' is not supported.",
                         "instance": "/decisions"}
                        """, true));
        verify(steps, never()).send(any(), any(), any());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void aRefusalOfTheDomainIsItsProblem(RuntimeException refusal, int status, String problem) throws Exception {
        when(steps.send(any(), any(), any())).thenThrow(refusal);

        postJson("/decisions/dec-1/outcome", Requests.outcome(RouteSamples.LATER))
                .andExpect(status().is(status))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(content().json(problem, true));
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(
                        new LoopRuleViolationException(
                                "occurredAt",
                                "an outcome cannot occur before its decision, made at 2026-04-01T09:00:00Z"),
                        400,
                        """
                        {"type": "urn:learning-loop:problem:loop-rule-violated",
                         "title": "Step breaks a rule of the loop", "status": 400,
                         "detail": "an outcome cannot occur before its decision, made at 2026-04-01T09:00:00Z",
                         "instance": "/decisions/dec-1/outcome", "errors": [{"field": "occurredAt",
                         "message": "an outcome cannot occur before its decision, made at 2026-04-01T09:00:00Z"}]}
                        """),
                Arguments.of(new UnknownReferenceException("decisionId", "decision", "dec-1"), 404, """
                        {"type": "urn:learning-loop:problem:unknown-reference", "title": "Unknown reference",
                         "status": 404, "detail": "no decision with id 'dec-1'", "instance": "/decisions/dec-1/outcome",
                         "errors": [{"field": "decisionId", "message": "no decision with id 'dec-1'"}]}
                        """),
                Arguments.of(new ConflictingStepException("decision 'dec-1' already has an outcome"), 409, """
                        {"type": "urn:learning-loop:problem:conflicting-step", "title": "Conflicting step",
                         "status": 409, "detail": "decision 'dec-1' already has an outcome",
                         "instance": "/decisions/dec-1/outcome"}
                        """),
                Arguments.of(new IncompatibleAggregateException("Lesson", null), 409, """
                        {"type": "urn:learning-loop:problem:conflicting-step", "title": "Conflicting step",
                         "status": 409, "detail": "the id is already used by another kind of step",
                         "instance": "/decisions/dec-1/outcome"}
                        """),
                Arguments.of(new AggregateStreamCreationException("taken"), 409, """
                        {"type": "urn:learning-loop:problem:concurrent-step", "title": "Concurrent step",
                         "status": 409,
                         "detail": "another request created a step with the same id at the same time; retry",
                         "instance": "/decisions/dec-1/outcome"}
                        """),
                Arguments.of(new ConcurrencyException("raced"), 409, """
                        {"type": "urn:learning-loop:problem:concurrent-step", "title": "Concurrent step",
                         "status": 409, "detail": "another request changed the same step at the same time; retry",
                         "instance": "/decisions/dec-1/outcome"}
                        """));
    }

    private ResultActions postJson(String path, String body) throws Exception {
        return http.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private JsonNode withoutNulls(Object request) {
        return json.copy()
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .valueToTree(request);
    }

    private static RouteSamples route(String path) {
        return RouteSamples.ALL.stream()
                .filter(route -> route.path().equals(path))
                .findFirst()
                .orElseThrow();
    }

    /** {@code errors("field", "message", ...)} as the JSON array of a problem. */
    static String errors(String... fieldsAndMessages) {
        StringBuilder array = new StringBuilder("[");
        for (int i = 0; i < fieldsAndMessages.length; i += 2) {
            array.append(i == 0 ? "" : ", ")
                    .append("{\"field\": \"")
                    .append(fieldsAndMessages[i])
                    .append("\", \"message\": \"")
                    .append(fieldsAndMessages[i + 1])
                    .append("\"}");
        }
        return array.append("]").toString();
    }

    static String invalidStep(String instance, String errors) {
        int count = errors.split("\"field\"", -1).length - 1;
        return """
                {"type": "urn:learning-loop:problem:invalid-step", "title": "Invalid step", "status": 400,
                 "detail": "%d field(s) are invalid", "instance": "%s", "errors": %s}
                """.formatted(count, instance, errors);
    }

    static String cannotBeRead(String instance, String field, String message) {
        return """
                {"type": "urn:learning-loop:problem:invalid-step", "title": "Invalid step", "status": 400,
                 "detail": "a field cannot be read", "instance": "%s", "errors": [{"field": "%s", "message": "%s"}]}
                """.formatted(instance, field, message);
    }

    static String unreadable(String instance) {
        return """
                {"type": "urn:learning-loop:problem:unreadable-body", "title": "Unreadable body", "status": 400,
                 "detail": "the body is not a JSON object of the expected shape", "instance": "%s"}
                """.formatted(instance);
    }
}
