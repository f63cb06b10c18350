package io.learningloop.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.learningloop.contract.events.ActionAssignedEvent;
import io.learningloop.contract.events.ActionCompletedEvent;
import io.learningloop.contract.events.ActionDroppedEvent;
import io.learningloop.contract.events.ActionOverdueEvent;
import io.learningloop.contract.events.Assessment;
import io.learningloop.contract.events.BehaviorChangedEvent;
import io.learningloop.contract.events.CheckInHeldEvent;
import io.learningloop.contract.events.CheckInMissedEvent;
import io.learningloop.contract.events.DecisionCategory;
import io.learningloop.contract.events.DecisionMadeEvent;
import io.learningloop.contract.events.ExtractionPractice;
import io.learningloop.contract.events.IndicatorReading;
import io.learningloop.contract.events.LessonRecordedEvent;
import io.learningloop.contract.events.LessonSharedEvent;
import io.learningloop.contract.events.LoopEvent;
import io.learningloop.contract.events.OutcomeObservedEvent;
import io.learningloop.contract.events.ReportedBy;
import io.learningloop.contract.events.ReviewHeldEvent;
import io.learningloop.contract.events.ReviewKind;
import io.learningloop.contract.events.RootCause;
import io.learningloop.contract.events.StepAmendedEvent;
import io.learningloop.contract.events.StepRetractedEvent;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The published JSON Schemas and examples in {@code docs/contract} describe exactly what the records
 * of this module put on the wire. Every check runs for every event of {@link EventTypes#ALL}, so a new
 * event or a changed record fails here until its documentation follows.
 */
class EventSchemasTest {

    /**
     * Record components a producer may leave null, and which a schema therefore must not require. None
     * so far: {@code DecisionMade.informedByLessonIds}, {@code checkInDates}, {@code leadingIndicators} and
     * {@code uncertainties} are {@code []} when the makers gave none (the record turns null into an empty
     * list), a check-in reading's {@code note} is {@code ""} when the tool gave none, and the
     * {@code orgUnit} of an outcome or a check-in is its decision's when the posting tool leaves it out,
     * so it is always filled on the event.
     */
    private static final Map<Class<? extends LoopEvent>, Set<String>> NULLABLE_COMPONENTS = Map.of();

    /** A step id, as the command side's requests check it ({@code StepRules.ID}); actors and owners too. */
    static final String ID_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$";

    /** The lower-case UUID the server assigns to every posted step as its event id ({@code Stamp.fresh}). */
    static final String UUID_PATTERN = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

    /**
     * Events nobody posts, whose id the platform derives instead of assigning a UUID: an action becomes
     * overdue at most once, so its {@code ActionOverdue} is {@code <actionId>:overdue}, and a planned
     * check-in is missed at most once, so its {@code CheckInMissed} is
     * {@code <decisionId>:check-in:<yyyy-MM-dd>}.
     */
    static final Map<Class<? extends LoopEvent>, String> DERIVED_EVENT_IDS = Map.of(
            ActionOverdueEvent.class, "^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}:overdue$",
            CheckInMissedEvent.class, "^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}:check-in:[0-9]{4}-[0-9]{2}-[0-9]{2}$");

    /**
     * How a record of an older revision becomes the next revision, as the README's "Revisions" section
     * documents it. {@code event-codec}'s {@code EventUpcasts} implements the same rules for the command side
     * and the consumers; they are written out here again as plain JSON changes so that the documented
     * rule, not the code, is what the published v1 examples are checked against. The key is
     * {@code <EventType>:<revision upcast from>}.
     */
    static final Map<String, UnaryOperator<ObjectNode>> DOCUMENTED_UPCASTS = Map.of(
            "DecisionMade:1",
                    json -> {
                        json.putArray("checkInDates");
                        json.putArray("leadingIndicators");
                        json.putArray("uncertainties");
                        return json;
                    },
            "OutcomeObserved:1", json -> json.put("reportedBy", "unknown"),
            "LessonRecorded:1",
                    json -> {
                        json.putArray("reviewIds");
                        json.putArray("themes");
                        json.put("extractionPractice", "unknown");
                        return json;
                    });

    private static final Pattern FILE_NAME = Pattern.compile("^([A-Za-z]+)\\.v([1-9][0-9]*)(\\.schema)?\\.json$");

    /** Root-cause themes are extensible by configuration, so the schema has a pattern, not an enum. */
    static final String THEME_PATTERN = "^[a-z][a-z0-9-]{0,49}$";

    /** A copy of the command side's {@code RootCauseThemes.STANDARD}, which the README lists. */
    static final List<String> STANDARD_THEMES = List.of(
            "assumptions",
            "information",
            "communication",
            "ownership",
            "process",
            "capacity",
            "skills",
            "tooling",
            "incentives",
            "external");

    private static final ObjectMapper JSON = ContractDocs.strictMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    /** Formats (uuid, date-time, date) are only annotations in 2020-12 unless asserted. */
    private static final SchemaValidatorsConfig ASSERT_FORMATS =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private static final Map<Class<?>, JsonSchema> COMPILED = new ConcurrentHashMap<>();

    static Stream<Named<Class<? extends LoopEvent>>> eventTypes() {
        return EventTypes.ALL.stream().map(type -> Named.of(EventTypes.name(type), type));
    }

    // ---------------------------------------------------------------- files

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void everyEventHasASchemaAndAnExampleNamedAfterItsContractNameAndRevision(Class<? extends LoopEvent> type) {
        assertThat(ContractDocs.schema(type)).isRegularFile();
        assertThat(ContractDocs.example(type)).isRegularFile();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void schemaIsAValidDraft202012SchemaIdentifiedByEventNameAndRevision(Class<? extends LoopEvent> type) {
        JsonNode schema = ContractDocs.readJson(ContractDocs.schema(type));
        JsonSchema metaSchema = SCHEMAS.getSchema(SchemaLocation.of(SchemaId.V202012));

        assertThat(metaSchema.validate(schema)).isEmpty();
        assertThat(schema.path("$schema").asText()).isEqualTo(SchemaId.V202012);
        assertThat(schema.path("$id").asText()).isEqualTo(ContractDocs.schemaId(type));
        assertThat(schema.path("type").asText()).isEqualTo("object");
        assertThat(schema.path("additionalProperties").isBoolean()
                        && !schema.path("additionalProperties").booleanValue())
                .as("additionalProperties is false")
                .isTrue();
    }

    // ---------------------------------------------------------------- examples

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void exampleIsValidAgainstItsSchema(Class<? extends LoopEvent> type) {
        assertThat(messages(validate(type, example(type)))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void exampleReadsIntoTheRecordStrictlyAndWritesBackUnchanged(Class<? extends LoopEvent> type) throws Exception {
        JsonNode example = example(type);

        LoopEvent event = JSON.treeToValue(example, type);
        JsonNode written = JSON.readTree(JSON.writeValueAsString(event));

        assertThat(written).isEqualTo(example);
    }

    // ---------------------------------------------------------------- schema vs. record

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void schemaPropertiesAreExactlyTheRecordComponents(Class<? extends LoopEvent> type) {
        JsonNode schema = ContractDocs.readJson(ContractDocs.schema(type));

        assertThat(fieldNames(schema.path("properties"))).containsExactlyElementsOf(componentNames(type));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void schemaRequiresEveryComponentTheCodeAlwaysFills(Class<? extends LoopEvent> type) {
        JsonNode schema = ContractDocs.readJson(ContractDocs.schema(type));
        List<String> expected = new ArrayList<>(componentNames(type));
        expected.removeAll(NULLABLE_COMPONENTS.getOrDefault(type, Set.of()));

        assertThat(texts(schema.path("required"))).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void schemaTypesMatchTheJavaTypesOfTheComponents(Class<? extends LoopEvent> type) {
        JsonNode schema = ContractDocs.readJson(ContractDocs.schema(type));
        for (RecordComponent component : type.getRecordComponents()) {
            JsonNode property = schema.path("properties").path(component.getName());
            assertSchemaOfJavaType(
                    schema, property, component.getGenericType(), EventTypes.name(type) + "." + component.getName());
        }
    }

    /**
     * A subschema describes what Jackson writes for the Java type: lists element by element, and a
     * record inside an event (a review's {@code RootCause}) as a closed object of exactly its components,
     * all required.
     */
    private static void assertSchemaOfJavaType(JsonNode schema, JsonNode property, Type genericType, String where) {
        Class<?> javaType = genericType instanceof ParameterizedType parameterized
                ? (Class<?>) parameterized.getRawType()
                : (Class<?>) genericType;
        if (javaType == String.class) {
            assertThat(keyword(schema, property, "type").asText()).as(where).isEqualTo("string");
        } else if (javaType == Instant.class) {
            assertThat(keyword(schema, property, "type").asText()).as(where).isEqualTo("string");
            assertThat(keyword(schema, property, "format").asText()).as(where).isEqualTo("date-time");
        } else if (javaType == LocalDate.class) {
            assertThat(keyword(schema, property, "type").asText()).as(where).isEqualTo("string");
            assertThat(keyword(schema, property, "format").asText()).as(where).isEqualTo("date");
        } else if (javaType == double.class || javaType == Double.class) {
            assertThat(keyword(schema, property, "type").asText()).as(where).isEqualTo("number");
        } else if (javaType == int.class
                || javaType == Integer.class
                || javaType == long.class
                || javaType == Long.class) {
            assertThat(keyword(schema, property, "type").asText()).as(where).isEqualTo("integer");
        } else if (javaType == boolean.class || javaType == Boolean.class) {
            assertThat(keyword(schema, property, "type").asText()).as(where).isEqualTo("boolean");
        } else if (javaType == List.class) {
            assertThat(keyword(schema, property, "type").asText()).as(where).isEqualTo("array");
            Type element = ((ParameterizedType) genericType).getActualTypeArguments()[0];
            assertSchemaOfJavaType(schema, keyword(schema, property, "items"), element, where + "[]");
        } else if (javaType.isEnum()) {
            List<String> wireNames = new ArrayList<>();
            for (Object constant : javaType.getEnumConstants()) {
                wireNames.add(JSON.valueToTree(constant).asText());
            }
            assertThat(keyword(schema, property, "type").asText()).as(where).isEqualTo("string");
            assertThat(texts(keyword(schema, property, "enum"))).as(where).containsExactlyElementsOf(wireNames);
        } else if (javaType == LoopEvent.class) {
            // A corrected step: any event of a correctable type, named by eventType, checked against its own
            // schema by correctionOfEveryAmendmentIsValidAgainstTheSchemaOfItsType.
            assertThat(keyword(schema, property, "type").asText()).as(where).isEqualTo("object");
            JsonNode eventType = keyword(schema, property, "properties").path("eventType");
            assertThat(texts(keyword(schema, eventType, "enum")))
                    .as(where + ".eventType")
                    .containsExactlyElementsOf(StepAmendedEvent.CORRECTABLE.stream()
                            .map(EventTypes::name)
                            .toList());
            assertThat(texts(keyword(schema, property, "required")))
                    .as(where + " required")
                    .contains("eventType", "eventId");
        } else if (javaType.isRecord()) {
            assertThat(keyword(schema, property, "type").asText()).as(where).isEqualTo("object");
            JsonNode additional = keyword(schema, property, "additionalProperties");
            assertThat(additional.isBoolean() && !additional.booleanValue())
                    .as(where + " is closed")
                    .isTrue();
            JsonNode properties = keyword(schema, property, "properties");
            assertThat(fieldNames(properties)).as(where).containsExactlyElementsOf(componentNames(javaType));
            assertThat(texts(keyword(schema, property, "required")))
                    .as(where + " required")
                    .containsExactlyInAnyOrderElementsOf(componentNames(javaType));
            for (RecordComponent component : javaType.getRecordComponents()) {
                assertSchemaOfJavaType(
                        schema,
                        properties.path(component.getName()),
                        component.getGenericType(),
                        where + "." + component.getName());
            }
        } else {
            fail("%s is a %s, which has no JSON Schema mapping in this test yet", where, javaType.getName());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void orgUnitFollowsThePathRulesOfOrgUnits(Class<? extends LoopEvent> type) {
        JsonNode schema = ContractDocs.readJson(ContractDocs.schema(type));
        List<String> orgUnits = componentNames(type).stream()
                .filter(name -> name.equals("orgUnit") || name.endsWith("OrgUnit"))
                .toList();

        assertThat(orgUnits).contains("orgUnit");
        for (String name : orgUnits) {
            JsonNode orgUnit = schema.path("properties").path(name);
            assertThat(keyword(schema, orgUnit, "pattern").asText()).as(name).isEqualTo(OrgUnits.PATTERN);
            assertThat(keyword(schema, orgUnit, "maxLength").asInt()).as(name).isEqualTo(OrgUnits.MAX_LENGTH);
        }
    }

    /** Every {@code ...Id} and {@code ...Ids} names a step; {@code actor} and {@code owner} are pseudonyms. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void idsAndPseudonymousPeopleHaveTheShapeOfAStepId(Class<? extends LoopEvent> type) {
        JsonNode schema = ContractDocs.readJson(ContractDocs.schema(type));
        for (String name : componentNames(type)) {
            JsonNode property = schema.path("properties").path(name);
            if (name.equals("eventId")) {
                continue;
            }
            if (name.endsWith("EventId")) {
                assertThat(keyword(schema, property, "pattern").asText())
                        .as(name)
                        .isEqualTo(UUID_PATTERN);
                continue;
            }
            if (name.endsWith("Id") || name.equals("actor") || name.equals("owner")) {
                assertThat(keyword(schema, property, "pattern").asText())
                        .as(name)
                        .isEqualTo(ID_PATTERN);
            } else if (name.endsWith("Ids")) {
                assertThat(keyword(schema, keyword(schema, property, "items"), "pattern")
                                .asText())
                        .as(name)
                        .isEqualTo(ID_PATTERN);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void eventIdIsTheServersUuidUnlessThePlatformDerivesIt(Class<? extends LoopEvent> type) {
        JsonNode schema = ContractDocs.readJson(ContractDocs.schema(type));
        JsonNode eventId = schema.path("properties").path("eventId");

        assertThat(keyword(schema, eventId, "pattern").asText())
                .isEqualTo(DERIVED_EVENT_IDS.getOrDefault(type, UUID_PATTERN));
    }

    static Stream<Named<Class<? extends LoopEvent>>> eventsThePlatformRecordsItself() {
        return DERIVED_EVENT_IDS.keySet().stream().map(type -> Named.of(EventTypes.name(type), type));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventsThePlatformRecordsItself")
    void eventsNobodyPostsAreRecordedByThePlatformItself(Class<? extends LoopEvent> type) {
        JsonNode schema = ContractDocs.readJson(ContractDocs.schema(type));

        assertThat(schema.at("/properties/sourceTool/const").asText()).isEqualTo(LoopEvent.PLATFORM);
        assertThat(schema.at("/properties/actor/const").asText()).isEqualTo(LoopEvent.PLATFORM);
        assertThat(example(type).path("sourceTool").asText()).isEqualTo(LoopEvent.PLATFORM);
        assertThat(example(type).path("actor").asText()).isEqualTo(LoopEvent.PLATFORM);
    }

    @Test
    void missedCheckInIdIsDerivedFromTheDecisionAndThePlannedDate() {
        JsonNode missed = example(CheckInMissedEvent.class);

        assertThat(missed.path("eventId").asText())
                .isEqualTo(missed.path("decisionId").asText() + ":check-in:"
                        + missed.path("scheduledFor").asText());
    }

    /** The examples tell one story: the check-ins held and missed are the ones the decision planned. */
    @Test
    void checkInExamplesArePlannedCheckInsOfTheDecisionExample() {
        JsonNode decision = example(DecisionMadeEvent.class);
        List<String> planned = texts(decision.path("checkInDates"));
        List<String> indicators = texts(decision.path("leadingIndicators"));
        JsonNode held = example(CheckInHeldEvent.class);
        JsonNode missed = example(CheckInMissedEvent.class);

        assertThat(planned).isSorted().doesNotHaveDuplicates();
        assertThat(List.of(
                        held.path("scheduledFor").asText(),
                        missed.path("scheduledFor").asText()))
                .containsExactlyElementsOf(planned);
        assertThat(held.path("readings"))
                .allSatisfy(reading -> assertThat(indicators)
                        .contains(reading.path("indicator").asText()));
        assertThat(List.of(held.path("decisionId"), missed.path("decisionId")))
                .containsOnly(decision.path("decisionId"));
    }

    @Test
    void rootCauseThemeIsAPatternThatEveryStandardThemeFitsNotAnEnum() {
        JsonNode schema = ContractDocs.readJson(ContractDocs.schema(ReviewHeldEvent.class));
        JsonNode rootCause = keyword(schema, schema.at("/properties/rootCauses"), "items");
        JsonNode theme = keyword(schema, rootCause, "properties").path("theme");

        assertThat(keyword(schema, theme, "pattern").asText()).isEqualTo(THEME_PATTERN);
        assertThat(schema.at("/$defs/theme").has("enum"))
                .as("theme has no enum")
                .isFalse();
        assertThat(STANDARD_THEMES).allSatisfy(standard -> assertThat(standard).matches(THEME_PATTERN));
    }

    // ---------------------------------------------------------------- older revisions

    /** Revisions {@code 1 .. current} of an event: every revision ever published keeps its files. */
    private static List<String> revisions(Class<?> type) {
        return IntStream.rangeClosed(1, Integer.parseInt(EventTypes.revision(type)))
                .mapToObj(String::valueOf)
                .toList();
    }

    static Stream<Arguments> everyRevisionOfEveryEvent() {
        return EventTypes.ALL.stream()
                .flatMap(type -> revisions(type).stream()
                        .map(revision ->
                                Arguments.of(Named.of(EventTypes.name(type) + " v" + revision, type), revision)));
    }

    static Stream<Arguments> olderRevisions() {
        return everyRevisionOfEveryEvent()
                .filter(arguments -> !arguments.get()[1].equals(
                        EventTypes.revision((Class<?>) ((Named<?>) arguments.get()[0]).getPayload())));
    }

    /** Records already on the topic keep their revision, so a replay from offset 0 still reads them. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("everyRevisionOfEveryEvent")
    void everyRevisionKeepsAValidClosedSchemaAndAnExampleValidAgainstIt(
            Class<? extends LoopEvent> type, String revision) {
        assertThat(ContractDocs.schema(type, revision)).isRegularFile();
        assertThat(ContractDocs.example(type, revision)).isRegularFile();
        JsonNode schema = ContractDocs.readJson(ContractDocs.schema(type, revision));

        assertThat(SCHEMAS.getSchema(SchemaLocation.of(SchemaId.V202012)).validate(schema))
                .isEmpty();
        assertThat(schema.path("$id").asText()).isEqualTo(ContractDocs.schemaId(type, revision));
        assertThat(schema.path("title").asText()).isEqualTo(EventTypes.name(type) + ", revision " + revision);
        assertThat(schema.path("additionalProperties").isBoolean()
                        && !schema.path("additionalProperties").booleanValue())
                .as("additionalProperties is false")
                .isTrue();
        assertThat(messages(SCHEMAS.getSchema(schema, ASSERT_FORMATS)
                        .validate(ContractDocs.readJson(ContractDocs.example(type, revision)))))
                .isEmpty();
    }

    /**
     * An older record, upcast step by step with the documented rule, is valid against the current
     * schema and reads strictly into the current record: what a consumer gets when it upcasts a
     * revision-1 record it replays from the topic.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("olderRevisions")
    void olderExampleUpcastWithTheDocumentedRuleIsTheCurrentRevision(Class<? extends LoopEvent> type, String revision)
            throws Exception {
        ObjectNode json = (ObjectNode)
                ContractDocs.readJson(ContractDocs.example(type, revision)).deepCopy();
        JsonNode original = json.deepCopy();
        for (int r = Integer.parseInt(revision); r < Integer.parseInt(EventTypes.revision(type)); r++) {
            UnaryOperator<ObjectNode> step = DOCUMENTED_UPCASTS.get(EventTypes.name(type) + ":" + r);
            assertThat(step)
                    .as("documented upcast from %s revision %d", EventTypes.name(type), r)
                    .isNotNull();
            json = step.apply(json);
        }

        ObjectNode upcast = json;

        assertThat(messages(validate(type, upcast))).isEmpty();
        assertThat(JSON.readTree(JSON.writeValueAsString(JSON.treeToValue(upcast, type))))
                .isEqualTo(upcast);
        original.fieldNames()
                .forEachRemaining(name -> assertThat(upcast.get(name))
                        .as("%s kept as it was", name)
                        .isEqualTo(original.get(name)));
    }

    @Test
    void upcastRulesAreDocumentedExactlyForTheOlderRevisions() {
        Set<String> older = EventTypes.ALL.stream()
                .flatMap(type -> revisions(type).stream()
                        .filter(revision -> !revision.equals(EventTypes.revision(type)))
                        .map(revision -> EventTypes.name(type) + ":" + revision))
                .collect(Collectors.toSet());

        assertThat(DOCUMENTED_UPCASTS.keySet()).containsExactlyInAnyOrderElementsOf(older);
    }

    /** No stray file: each one is a revision, current or older, of an event of {@link EventTypes#ALL}. */
    @Test
    void everySchemaAndExampleFileBelongsToARevisionOfAnEventOfTheContract() throws IOException {
        for (String folder : List.of("schemas", "examples")) {
            try (Stream<Path> files = Files.list(ContractDocs.ROOT.resolve(folder))) {
                for (Path file : files.toList()) {
                    String name = file.getFileName().toString();
                    Matcher matcher = FILE_NAME.matcher(name);
                    assertThat(matcher.matches()).as(folder + "/" + name).isTrue();
                    assertThat(matcher.group(3) != null).as(folder + "/" + name).isEqualTo(folder.equals("schemas"));
                    Class<? extends LoopEvent> type =
                            EventTypes.byName(matcher.group(1)).orElse(null);
                    assertThat(type).as("event type of " + folder + "/" + name).isNotNull();
                    assertThat(revisions(type))
                            .as("revision of " + folder + "/" + name)
                            .contains(matcher.group(2));
                }
            }
        }
    }

    // ---------------------------------------------------------------- what the code produces

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventsAsTheCommandSideBuildsThem")
    void eventWrittenFromTheRecordIsValidAgainstItsSchema(LoopEvent event) {
        JsonNode written = JSON.valueToTree(event);

        assertThat(messages(validate(event.getClass(), written))).isEmpty();
    }

    @Test
    void writtenEventsAreCheckedForEveryEventOfTheContract() {
        Set<Class<?>> covered = eventsAsTheCommandSideBuildsThem()
                .map(named -> named.getPayload().getClass())
                .collect(Collectors.toSet());

        assertThat(covered).containsExactlyInAnyOrderElementsOf(EventTypes.ALL);
    }

    @Test
    void decisionWithoutInformingLessonsCheckInsIndicatorsOrUncertaintiesCarriesEmptyListsNotNull() {
        DecisionMadeEvent decision = new DecisionMadeEvent(
                UUID.randomUUID().toString(),
                "dec-1",
                "acme",
                Instant.parse("2025-03-01T10:00:00Z"),
                Instant.parse("2025-03-01T10:00:01Z"),
                "decision-log",
                "u-1",
                "A title",
                DecisionCategory.OTHER,
                "An outcome",
                0.5,
                LocalDate.parse("2025-04-01"),
                null,
                null,
                null,
                null);
        JsonNode written = JSON.valueToTree(decision);

        for (String list : List.of("informedByLessonIds", "checkInDates", "leadingIndicators", "uncertainties")) {
            assertThat(written.path(list).isArray()).as(list).isTrue();
            assertThat(written.path(list)).as(list).isEmpty();
        }
        assertThat(messages(validate(DecisionMadeEvent.class, written))).isEmpty();
    }

    /**
     * Events as the command side builds them (server-assigned UUIDs, millisecond {@code recordedAt}),
     * including every enum constant and the edges of every limit the command side accepts.
     */
    static Stream<Named<LoopEvent>> eventsAsTheCommandSideBuildsThem() {
        List<Named<LoopEvent>> events = new ArrayList<>();
        for (DecisionCategory category : DecisionCategory.values()) {
            events.add(
                    Named.of("DecisionMade, category " + category, decision(category, 0.7, List.of("les-2024-042"))));
        }
        events.add(Named.of("DecisionMade, no informing lesson", decision(DecisionCategory.PRODUCT, 0.0, null)));
        events.add(Named.of(
                "DecisionMade, confidence 1 and 50 lessons",
                decision(DecisionCategory.STRATEGY, 1.0, ids("les-", 50))));
        events.add(Named.of(
                "DecisionMade, limits and backfilled nanosecond time",
                new DecisionMadeEvent(
                        UUID.randomUUID().toString(),
                        UUID.randomUUID().toString(),
                        "a/b_c/d-e/" + "x".repeat(190),
                        Instant.parse("2009-11-03T08:15:30.123456789Z"),
                        recordedNow(),
                        "t".repeat(100),
                        "JIRA:u_1.x-" + "9".repeat(89),
                        "T".repeat(300),
                        DecisionCategory.ORG_DESIGN,
                        "é".repeat(4000),
                        0.05,
                        LocalDate.parse("2010-01-31"),
                        List.of("9"),
                        IntStream.range(0, 24)
                                .mapToObj(i -> LocalDate.parse("2009-11-03").plusMonths(i))
                                .toList(),
                        IntStream.range(0, 20)
                                .mapToObj(i -> String.format("%02d", i) + "i".repeat(98))
                                .toList(),
                        IntStream.range(0, 20).mapToObj(i -> "ü".repeat(1000)).toList())));
        events.add(Named.of(
                "DecisionMade, one check-in on the day it was made, shortest indicator and uncertainty",
                new DecisionMadeEvent(
                        UUID.randomUUID().toString(),
                        "dec-2025-018",
                        "acme/eng/platform",
                        Instant.parse("2025-03-01T23:59:59Z"),
                        recordedNow(),
                        "decision-log",
                        "u-4f2a91",
                        "Pilot pair reviews",
                        DecisionCategory.TALENT,
                        "Fewer reverted changes.",
                        0.4,
                        LocalDate.parse("2025-03-01"),
                        List.of(),
                        List.of(LocalDate.parse("2025-03-01")),
                        List.of("x"),
                        List.of("?"))));
        for (Assessment assessment : Assessment.values()) {
            events.add(Named.of(
                    "OutcomeObserved, assessment " + assessment,
                    new OutcomeObservedEvent(
                            UUID.randomUUID().toString(),
                            "dec-2025-017",
                            "acme/eng/platform",
                            Instant.parse("2025-06-27T15:30:00Z"),
                            recordedNow(),
                            "decision-log",
                            "u-4f2a91",
                            assessment,
                            "Median CI time fell only to 14 minutes.",
                            ReportedBy.DECISION_OWNER)));
        }
        for (ReportedBy reportedBy : ReportedBy.values()) {
            events.add(Named.of(
                    "OutcomeObserved, reported by " + reportedBy,
                    new OutcomeObservedEvent(
                            UUID.randomUUID().toString(),
                            "dec-2025-017",
                            "acme/eng/platform",
                            Instant.parse("2025-06-27T15:30:00Z"),
                            recordedNow(),
                            "decision-log",
                            "u-4f2a91",
                            Assessment.FAILED,
                            "Median CI time rose to 19 minutes.",
                            reportedBy)));
        }
        events.add(Named.of(
                "CheckInHeld, not on track",
                new CheckInHeldEvent(
                        UUID.randomUUID().toString(),
                        "dec-2025-017",
                        "acme/eng/platform",
                        Instant.parse("2025-03-31T14:00:00Z"),
                        recordedNow(),
                        "decision-log",
                        "u-4f2a91",
                        LocalDate.parse("2025-03-31"),
                        List.of(
                                new IndicatorReading("failed-invoices-per-day", "41", "Invoice jobs time out."),
                                new IndicatorReading("dead-letters-per-day", "12", "")),
                        false)));
        events.add(Named.of(
                "CheckInHeld, on track without readings, held late",
                new CheckInHeldEvent(
                        UUID.randomUUID().toString(),
                        "dec-2025-017",
                        "acme/eng",
                        Instant.parse("2025-05-06T09:30:00.25Z"),
                        recordedNow(),
                        "retro-board",
                        "u-9c07d3",
                        LocalDate.parse("2025-04-30"),
                        List.of(),
                        true)));
        events.add(Named.of(
                "CheckInHeld, 20 readings at the limits and backfilled nanosecond time",
                new CheckInHeldEvent(
                        UUID.randomUUID().toString(),
                        UUID.randomUUID().toString(),
                        "acme",
                        Instant.parse("2012-08-15T06:07:08.123456789Z"),
                        recordedNow(),
                        "t".repeat(100),
                        "u-9c07d3",
                        LocalDate.parse("2012-08-14"),
                        IntStream.range(0, 20)
                                .mapToObj(i -> new IndicatorReading(
                                        "i".repeat(i == 0 ? 100 : 1),
                                        i == 0 ? "v".repeat(200) : "v",
                                        i == 0 ? "n".repeat(1000) : ""))
                                .toList(),
                        true)));
        events.add(Named.of(
                "CheckInMissed, checked at the end of its day plus the tolerance",
                missed("dec-2025-017", LocalDate.parse("2025-04-30"), null)));
        events.add(Named.of(
                "CheckInMissed, backfilled and checked after the grace period, longest decision id",
                missed("D" + "e.".repeat(49) + "c", LocalDate.parse("2018-01-31"), recordedNow())));
        events.add(Named.of(
                "LessonRecorded",
                new LessonRecordedEvent(
                        UUID.randomUUID().toString(),
                        "les-2025-009",
                        "acme/eng/platform",
                        Instant.parse("2025-07-08T09:00:00Z"),
                        recordedNow(),
                        "retro-board",
                        "u-9c07d3",
                        List.of("dec-2025-017", "dec-2025-020"),
                        "Warm caches matter.",
                        "We budget cache warm-up.",
                        List.of("rev-2025-006"),
                        List.of("assumptions", "tooling"),
                        ExtractionPractice.STORYTELLING)));
        for (ExtractionPractice practice : ExtractionPractice.values()) {
            events.add(Named.of(
                    "LessonRecorded, drawn out by " + practice,
                    new LessonRecordedEvent(
                            UUID.randomUUID().toString(),
                            "les-2025-010",
                            "acme/eng/platform",
                            Instant.parse("2025-07-08T09:00:00Z"),
                            recordedNow(),
                            "retro-board",
                            "u-9c07d3",
                            List.of("dec-2025-017"),
                            "Warm caches matter.",
                            "We budget cache warm-up.",
                            List.of(),
                            List.of(),
                            practice)));
        }
        events.add(Named.of(
                "LessonRecorded, 50 decisions and server-assigned id",
                new LessonRecordedEvent(
                        UUID.randomUUID().toString(),
                        UUID.randomUUID().toString(),
                        "acme",
                        Instant.parse("2019-02-28T23:59:59.5Z"),
                        recordedNow(),
                        "retro-board",
                        "u-9c07d3",
                        ids("dec-", 50),
                        "L".repeat(4000),
                        "C".repeat(4000),
                        ids("rev-", 50),
                        STANDARD_THEMES,
                        ExtractionPractice.DOCUMENT_ONLY)));
        events.add(Named.of(
                "BehaviorChanged",
                new BehaviorChangedEvent(
                        UUID.randomUUID().toString(),
                        "bc-2025-004",
                        "acme/eng/platform",
                        Instant.parse("2025-09-15T13:20:00Z"),
                        recordedNow(),
                        "decision-log",
                        "u-4f2a91",
                        List.of("les-2025-009", "les-2025-011"),
                        "dec-2025-031",
                        List.of("dec-2025-017", "dec-2025-020"),
                        "Ships with a pre-warmed cache.")));
        for (ReviewKind kind : ReviewKind.values()) {
            events.add(Named.of(
                    "ReviewHeld, kind " + kind,
                    new ReviewHeldEvent(
                            UUID.randomUUID().toString(),
                            "rev-2025-006",
                            "acme/eng/platform",
                            Instant.parse("2025-04-14T13:00:00Z"),
                            recordedNow(),
                            "retro-board",
                            "u-9c07d3",
                            List.of("dec-2025-017"),
                            kind,
                            List.of(
                                    new RootCause("assumptions", "We never measured downloads."),
                                    new RootCause("tooling", "No shared dependency cache.")),
                            true,
                            true,
                            7)));
        }
        List<RootCause> causes = new ArrayList<>();
        STANDARD_THEMES.forEach(theme -> causes.add(new RootCause(theme, "A cause of theme " + theme)));
        causes.add(new RootCause("v" + "-9".repeat(24) + "x", "R".repeat(4000)));
        while (causes.size() < 50) {
            causes.add(new RootCause("ownership", "Another cause"));
        }
        events.add(Named.of(
                "ReviewHeld, every standard theme, a configured one and the limits",
                new ReviewHeldEvent(
                        UUID.randomUUID().toString(),
                        UUID.randomUUID().toString(),
                        "acme",
                        Instant.parse("2011-05-31T17:45:00.25Z"),
                        recordedNow(),
                        "retro-board",
                        "u-9c07d3",
                        ids("dec-", 50),
                        ReviewKind.AFTER_ACTION_REVIEW,
                        causes,
                        false,
                        false,
                        1)));
        events.add(Named.of(
                "ActionAssigned",
                new ActionAssignedEvent(
                        UUID.randomUUID().toString(),
                        "act-2025-011",
                        "acme/eng/platform",
                        Instant.parse("2025-04-14T13:00:00Z"),
                        recordedNow(),
                        "retro-board",
                        "u-9c07d3",
                        "rev-2025-006",
                        List.of("dec-2025-017", "dec-2025-020"),
                        "u-7f3a2c",
                        LocalDate.parse("2025-06-30"),
                        "Give the runners a shared dependency cache.")));
        events.add(Named.of(
                "ActionAssigned, due the day it was assigned, and the limits",
                new ActionAssignedEvent(
                        UUID.randomUUID().toString(),
                        UUID.randomUUID().toString(),
                        "acme/eng",
                        Instant.parse("2016-02-29T23:59:59.999999999Z"),
                        recordedNow(),
                        "t".repeat(100),
                        "u-9c07d3",
                        UUID.randomUUID().toString(),
                        ids("dec-", 50),
                        "HR:e_1.x-" + "7".repeat(91),
                        LocalDate.parse("2016-02-29"),
                        "W".repeat(4000))));
        events.add(Named.of(
                "ActionCompleted",
                new ActionCompletedEvent(
                        UUID.randomUUID().toString(),
                        "act-2025-011",
                        "acme/eng/platform",
                        Instant.parse("2025-07-18T16:00:00Z"),
                        recordedNow(),
                        "issue-tracker",
                        "u-7f3a2c",
                        List.of("dec-2025-017"),
                        "The shared cache is live.")));
        events.add(Named.of(
                "ActionCompleted, 50 decisions and the longest note",
                new ActionCompletedEvent(
                        UUID.randomUUID().toString(),
                        "act-2025-011",
                        "acme/eng/platform",
                        Instant.parse("2025-07-18T16:00:00Z"),
                        recordedNow(),
                        "issue-tracker",
                        "u-7f3a2c",
                        ids("dec-", 50),
                        "N".repeat(4000))));
        events.add(Named.of(
                "ActionDropped",
                new ActionDroppedEvent(
                        UUID.randomUUID().toString(),
                        "act-2025-011",
                        "acme/eng/platform",
                        Instant.parse("2025-05-20T09:15:00Z"),
                        recordedNow(),
                        "issue-tracker",
                        "u-7f3a2c",
                        List.of("dec-2025-017"),
                        "Superseded by a managed remote cache.")));
        events.add(Named.of(
                "ActionOverdue, checked at the end of its due date",
                overdue("act-2025-011", LocalDate.parse("2025-06-30"), null, List.of("dec-2025-017"))));
        events.add(Named.of(
                "ActionOverdue, backfilled and checked after the grace period, longest action id",
                overdue("A" + "b:".repeat(49) + "z", LocalDate.parse("2019-12-31"), recordedNow(), ids("dec-", 50))));
        events.add(Named.of(
                "LessonShared",
                new LessonSharedEvent(
                        UUID.randomUUID().toString(),
                        "les-2025-009",
                        "acme/eng/platform",
                        Instant.parse("2025-07-22T11:00:00Z"),
                        recordedNow(),
                        "wiki",
                        "u-9c07d3",
                        List.of("dec-2025-017"),
                        "acme/eng/data")));
        events.add(Named.of(
                "LessonShared, from a team to a whole other branch, 50 decisions",
                new LessonSharedEvent(
                        UUID.randomUUID().toString(),
                        UUID.randomUUID().toString(),
                        "acme/eng/platform",
                        Instant.parse("2025-07-22T11:00:00.5Z"),
                        recordedNow(),
                        "wiki",
                        "u-9c07d3",
                        ids("dec-", 50),
                        "acme")));
        List<LoopEvent> steps = events.stream().map(Named::getPayload).toList();
        for (Class<? extends LoopEvent> correctable : StepAmendedEvent.CORRECTABLE) {
            LoopEvent step =
                    steps.stream().filter(correctable::isInstance).findFirst().orElseThrow();
            Instant now = recordedNow();
            events.add(Named.of(
                    "StepAmended of a " + EventTypes.name(correctable),
                    new StepAmendedEvent(
                            UUID.randomUUID().toString(),
                            step.aggregateId(),
                            step.orgUnit(),
                            now,
                            now,
                            "decision-log",
                            "u-4f2a91",
                            "Entered in the wrong field.",
                            EventTypes.revision(correctable),
                            step)));
            events.add(Named.of(
                    "StepRetracted of a " + EventTypes.name(correctable),
                    new StepRetractedEvent(
                            UUID.randomUUID().toString(),
                            step.aggregateId(),
                            step.orgUnit(),
                            now,
                            now,
                            "decision-log",
                            "u-4f2a91",
                            "R".repeat(4000),
                            step.eventId(),
                            EventTypes.name(correctable),
                            step.decisionsConcerned(),
                            step.lessonsConcerned())));
        }
        return events.stream();
    }

    /** What a consumer gets from {@code correction}: an event valid against the schema of its own type. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("eventsAsTheCommandSideBuildsThem")
    void correctionOfEveryAmendmentIsValidAgainstTheSchemaOfItsType(LoopEvent event) throws Exception {
        JsonNode written = JSON.valueToTree(event);
        if (!(event instanceof StepAmendedEvent amended)) {
            return;
        }
        ObjectNode correction = (ObjectNode) written.get("correction").deepCopy();

        assertThat(correction.remove("eventType").asText())
                .isEqualTo(EventTypes.name(amended.correction().getClass()));
        assertThat(messages(validate(amended.correction().getClass(), correction)))
                .isEmpty();
        assertThat(JSON.treeToValue(written, StepAmendedEvent.class)).isEqualTo(amended);
    }

    @Test
    void exampleAmendmentCorrectsTheDecisionExampleAndIsValidAsADecision() throws Exception {
        JsonNode example = example(StepAmendedEvent.class);
        ObjectNode correction = (ObjectNode) example.get("correction").deepCopy();
        correction.remove("eventType");

        assertThat(messages(validate(DecisionMadeEvent.class, correction))).isEmpty();
        assertThat(correction.path("eventId"))
                .isEqualTo(example(DecisionMadeEvent.class).path("eventId"));
        assertThat(example.path("stepId")).isEqualTo(correction.path("decisionId"));
    }

    /**
     * As {@code Action} records it when its due-date deadline fires: the id derived from the action's,
     * business time the end of the due date (UTC), recorded at the check, which for a backfilled action
     * whose due date had long passed is the assignment's {@code recordedAt} plus the grace period.
     */
    private static ActionOverdueEvent overdue(
            String actionId, LocalDate dueDate, Instant assignmentRecordedAt, List<String> decisionIds) {
        Instant dueEnd = dueDate.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant checkAt = assignmentRecordedAt == null ? dueEnd : assignmentRecordedAt.plus(Duration.ofDays(1));
        return new ActionOverdueEvent(
                actionId + ":overdue",
                actionId,
                "acme/eng/platform",
                dueEnd,
                checkAt,
                LoopEvent.PLATFORM,
                LoopEvent.PLATFORM,
                decisionIds,
                dueDate);
    }

    /**
     * As {@code Decision} records it when a check-in's deadline fires: the id derived from the decision
     * and the date, business time the end of the planned day (UTC) plus the tolerance (three days by
     * default), recorded at the check, which for a backfilled decision is its {@code recordedAt} plus the
     * grace period.
     */
    private static CheckInMissedEvent missed(String decisionId, LocalDate scheduledFor, Instant decisionRecordedAt) {
        Instant missedAt = scheduledFor
                .plusDays(1)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant()
                .plus(Duration.ofDays(3));
        Instant checkAt = decisionRecordedAt == null ? missedAt : decisionRecordedAt.plus(Duration.ofDays(1));
        return new CheckInMissedEvent(
                decisionId + ":check-in:" + scheduledFor,
                decisionId,
                "acme/eng/platform",
                missedAt,
                checkAt,
                LoopEvent.PLATFORM,
                LoopEvent.PLATFORM,
                scheduledFor);
    }

    // ---------------------------------------------------------------- what the schemas reject

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidExamples")
    void schemaRejectsAnInvalidEventNamingTheField(InvalidExample invalid) {
        ObjectNode example = (ObjectNode) example(invalid.type()).deepCopy();
        invalid.change().accept(example);

        Set<ValidationMessage> errors = validate(invalid.type(), example);

        assertThat(messages(errors))
                .isNotEmpty()
                .allSatisfy(message -> assertThat(message).contains(invalid.field()));
    }

    record InvalidExample(Class<? extends LoopEvent> type, String field, Consumer<ObjectNode> change) {}

    static Stream<Arguments> invalidExamples() {
        return Stream.of(
                invalid("confidence above 1", DecisionMadeEvent.class, "confidence", e -> e.put("confidence", 1.5)),
                invalid("confidence below 0", DecisionMadeEvent.class, "confidence", e -> e.put("confidence", -0.1)),
                invalid(
                        "confidence as a string",
                        DecisionMadeEvent.class,
                        "confidence",
                        e -> e.put("confidence", "0.7")),
                invalid("unknown category", DecisionMadeEvent.class, "category", e -> e.put("category", "reorg")),
                invalid(
                        "category by its Java name",
                        DecisionMadeEvent.class,
                        "category",
                        e -> e.put("category", "ORG_DESIGN")),
                invalid(
                        "e-mail address as actor",
                        DecisionMadeEvent.class,
                        "actor",
                        e -> e.put("actor", "jane.doe@acme.example")),
                invalid("full name as actor", DecisionMadeEvent.class, "actor", e -> e.put("actor", "Jane Doe")),
                invalid("upper-case org unit", DecisionMadeEvent.class, "orgUnit", e -> e.put("orgUnit", "Acme/Eng")),
                invalid(
                        "org unit with a trailing slash",
                        DecisionMadeEvent.class,
                        "orgUnit",
                        e -> e.put("orgUnit", "acme/eng/")),
                invalid("blank title", DecisionMadeEvent.class, "title", e -> e.put("title", "   ")),
                invalid(
                        "title of 301 characters",
                        DecisionMadeEvent.class,
                        "title",
                        e -> e.put("title", "T".repeat(301))),
                invalid(
                        "expected outcome of 4001 characters",
                        DecisionMadeEvent.class,
                        "expectedOutcome",
                        e -> e.put("expectedOutcome", "x".repeat(4001))),
                invalid(
                        "reviewBy not an ISO date",
                        DecisionMadeEvent.class,
                        "reviewBy",
                        e -> e.put("reviewBy", "30.06.2025")),
                invalid(
                        "reviewBy with a time",
                        DecisionMadeEvent.class,
                        "reviewBy",
                        e -> e.put("reviewBy", "2025-06-30T00:00:00Z")),
                invalid(
                        "occurredAt with an offset",
                        DecisionMadeEvent.class,
                        "occurredAt",
                        e -> e.put("occurredAt", "2025-03-01T11:00:00+01:00")),
                invalid(
                        "occurredAt as epoch seconds",
                        DecisionMadeEvent.class,
                        "occurredAt",
                        e -> e.put("occurredAt", 1740823200)),
                invalid(
                        "lesson id with a space",
                        DecisionMadeEvent.class,
                        "informedByLessonIds",
                        e -> ((ArrayNode) e.get("informedByLessonIds")).add("les 2025")),
                invalid(
                        "informing lessons null",
                        DecisionMadeEvent.class,
                        "informedByLessonIds",
                        e -> e.putNull("informedByLessonIds")),
                invalid(
                        "missing expected outcome",
                        DecisionMadeEvent.class,
                        "expectedOutcome",
                        e -> e.remove("expectedOutcome")),
                invalid(
                        "undocumented property",
                        DecisionMadeEvent.class,
                        "decisionMaker",
                        e -> e.put("decisionMaker", "Jane Doe")),
                invalid("event id not a UUID", DecisionMadeEvent.class, "eventId", e -> e.put("eventId", "evt-1")),
                invalid(
                        "check-in date in the wrong format",
                        DecisionMadeEvent.class,
                        "checkInDates",
                        e -> ((ArrayNode) e.get("checkInDates")).set(0, e.textNode("31.03.2025"))),
                invalid(
                        "check-in date with a time",
                        DecisionMadeEvent.class,
                        "checkInDates",
                        e -> ((ArrayNode) e.get("checkInDates")).set(0, e.textNode("2025-03-31T12:00:00Z"))),
                invalid(
                        "check-in date twice",
                        DecisionMadeEvent.class,
                        "checkInDates",
                        e -> ((ArrayNode) e.get("checkInDates")).add("2025-04-30")),
                invalid(
                        "25 check-ins",
                        DecisionMadeEvent.class,
                        "checkInDates",
                        e -> IntStream.range(0, 23)
                                .forEach(i -> ((ArrayNode) e.get("checkInDates"))
                                        .add(LocalDate.parse("2025-05-01")
                                                .plusDays(i)
                                                .toString()))),
                invalid("check-in dates null", DecisionMadeEvent.class, "checkInDates", e -> e.putNull("checkInDates")),
                invalid(
                        "blank leading indicator",
                        DecisionMadeEvent.class,
                        "leadingIndicators",
                        e -> ((ArrayNode) e.get("leadingIndicators")).add(" ")),
                invalid(
                        "leading indicator of 101 characters",
                        DecisionMadeEvent.class,
                        "leadingIndicators",
                        e -> ((ArrayNode) e.get("leadingIndicators")).add("i".repeat(101))),
                invalid(
                        "leading indicator twice",
                        DecisionMadeEvent.class,
                        "leadingIndicators",
                        e -> ((ArrayNode) e.get("leadingIndicators")).add("dead-letters-per-day")),
                invalid(
                        "21 leading indicators",
                        DecisionMadeEvent.class,
                        "leadingIndicators",
                        e -> ids("indicator-", 19).forEach(((ArrayNode) e.get("leadingIndicators"))::add)),
                invalid(
                        "blank uncertainty",
                        DecisionMadeEvent.class,
                        "uncertainties",
                        e -> ((ArrayNode) e.get("uncertainties")).add("\n ")),
                invalid(
                        "uncertainty of 1001 characters",
                        DecisionMadeEvent.class,
                        "uncertainties",
                        e -> ((ArrayNode) e.get("uncertainties")).add("u".repeat(1001))),
                invalid(
                        "21 uncertainties",
                        DecisionMadeEvent.class,
                        "uncertainties",
                        e -> ids("We do not know ", 20).forEach(((ArrayNode) e.get("uncertainties"))::add)),
                invalid(
                        "uncertainties missing",
                        DecisionMadeEvent.class,
                        "uncertainties",
                        e -> e.remove("uncertainties")),
                invalid(
                        "unknown assessment",
                        OutcomeObservedEvent.class,
                        "assessment",
                        e -> e.put("assessment", "worse")),
                invalid("outcome without org unit", OutcomeObservedEvent.class, "orgUnit", e -> e.putNull("orgUnit")),
                invalid("blank summary", OutcomeObservedEvent.class, "summary", e -> e.put("summary", "\n\t ")),
                invalid(
                        "reported by the boss",
                        OutcomeObservedEvent.class,
                        "reportedBy",
                        e -> e.put("reportedBy", "boss")),
                invalid(
                        "reportedBy by its Java name",
                        OutcomeObservedEvent.class,
                        "reportedBy",
                        e -> e.put("reportedBy", "DECISION_OWNER")),
                invalid("reportedBy missing", OutcomeObservedEvent.class, "reportedBy", e -> e.remove("reportedBy")),
                invalid("reportedBy null", OutcomeObservedEvent.class, "reportedBy", e -> e.putNull("reportedBy")),
                invalid(
                        "scheduledFor in the wrong format",
                        CheckInHeldEvent.class,
                        "scheduledFor",
                        e -> e.put("scheduledFor", "2025/03/31")),
                invalid("scheduledFor missing", CheckInHeldEvent.class, "scheduledFor", e -> e.remove("scheduledFor")),
                invalid(
                        "reading without indicator",
                        CheckInHeldEvent.class,
                        "readings",
                        e -> reading(e).remove("indicator")),
                invalid(
                        "reading of a blank indicator",
                        CheckInHeldEvent.class,
                        "readings",
                        e -> reading(e).put("indicator", " ")),
                invalid(
                        "reading without value",
                        CheckInHeldEvent.class,
                        "readings",
                        e -> reading(e).put("value", "")),
                invalid(
                        "value of 201 characters",
                        CheckInHeldEvent.class,
                        "readings",
                        e -> reading(e).put("value", "v".repeat(201))),
                invalid(
                        "value as a number",
                        CheckInHeldEvent.class,
                        "readings",
                        e -> reading(e).put("value", 41)),
                invalid(
                        "note null instead of empty",
                        CheckInHeldEvent.class,
                        "readings",
                        e -> reading(e).putNull("note")),
                invalid(
                        "note of 1001 characters",
                        CheckInHeldEvent.class,
                        "readings",
                        e -> reading(e).put("note", "n".repeat(1001))),
                invalid(
                        "reading naming who read it",
                        CheckInHeldEvent.class,
                        "readings",
                        e -> reading(e).put("readBy", "Jane Doe")),
                invalid(
                        "21 readings",
                        CheckInHeldEvent.class,
                        "readings",
                        e -> IntStream.range(0, 19)
                                .forEach(i -> ((ArrayNode) e.get("readings"))
                                        .add(reading(e).deepCopy()))),
                invalid("onTrack as a string", CheckInHeldEvent.class, "onTrack", e -> e.put("onTrack", "no")),
                invalid("onTrack null", CheckInHeldEvent.class, "onTrack", e -> e.putNull("onTrack")),
                invalid(
                        "check-in event id not a UUID",
                        CheckInHeldEvent.class,
                        "eventId",
                        e -> e.put("eventId", "dec-2025-017:check-in:2025-03-31")),
                invalid(
                        "missed event id a UUID",
                        CheckInMissedEvent.class,
                        "eventId",
                        e -> e.put("eventId", "b6d0f2a4-8c1e-4b3d-9f57-2a4c6e8b0d19")),
                invalid(
                        "missed event id without the date",
                        CheckInMissedEvent.class,
                        "eventId",
                        e -> e.put("eventId", "dec-2025-017:check-in")),
                invalid(
                        "missed posted by a tool",
                        CheckInMissedEvent.class,
                        "sourceTool",
                        e -> e.put("sourceTool", "decision-log")),
                invalid(
                        "missed posted by a person",
                        CheckInMissedEvent.class,
                        "actor",
                        e -> e.put("actor", "u-4f2a91")),
                invalid(
                        "missed scheduledFor with a time",
                        CheckInMissedEvent.class,
                        "scheduledFor",
                        e -> e.put("scheduledFor", "2025-04-30T00:00:00Z")),
                invalid("missed with readings", CheckInMissedEvent.class, "readings", e -> e.putArray("readings")),
                invalid(
                        "lesson from no decision",
                        LessonRecordedEvent.class,
                        "decisionIds",
                        e -> e.putArray("decisionIds")),
                invalid(
                        "lesson from 51 decisions",
                        LessonRecordedEvent.class,
                        "decisionIds",
                        e -> ids("dec-", 51).forEach(((ArrayNode) e.get("decisionIds"))::add)),
                invalid("empty source tool", LessonRecordedEvent.class, "sourceTool", e -> e.put("sourceTool", "")),
                invalid("change from no lesson", BehaviorChangedEvent.class, "lessonIds", e -> e.putArray("lessonIds")),
                invalid(
                        "lesson decisions repeated",
                        BehaviorChangedEvent.class,
                        "lessonDecisionIds",
                        e -> ((ArrayNode) e.get("lessonDecisionIds")).add("dec-2025-017")),
                invalid("recordedAt missing", BehaviorChangedEvent.class, "recordedAt", e -> e.remove("recordedAt")),
                invalid("unknown review kind", ReviewHeldEvent.class, "kind", e -> e.put("kind", "pre-mortem")),
                invalid(
                        "review kind by its Java name",
                        ReviewHeldEvent.class,
                        "kind",
                        e -> e.put("kind", "AFTER_ACTION_REVIEW")),
                invalid("no participant", ReviewHeldEvent.class, "participantCount", e -> e.put("participantCount", 0)),
                invalid(
                        "participant count not whole",
                        ReviewHeldEvent.class,
                        "participantCount",
                        e -> e.put("participantCount", 6.5)),
                invalid(
                        "participant count as a string",
                        ReviewHeldEvent.class,
                        "participantCount",
                        e -> e.put("participantCount", "7")),
                invalid(
                        "participants by name",
                        ReviewHeldEvent.class,
                        "participants",
                        e -> e.putArray("participants").add("Jane Doe")),
                invalid(
                        "theme with spaces",
                        ReviewHeldEvent.class,
                        "theme",
                        e -> rootCause(e).put("theme", "bad luck")),
                invalid(
                        "theme in capitals",
                        ReviewHeldEvent.class,
                        "theme",
                        e -> rootCause(e).put("theme", "Tooling")),
                invalid(
                        "theme of 51 characters",
                        ReviewHeldEvent.class,
                        "theme",
                        e -> rootCause(e).put("theme", "t".repeat(51))),
                invalid(
                        "blank root cause",
                        ReviewHeldEvent.class,
                        "text",
                        e -> rootCause(e).put("text", " ")),
                invalid(
                        "root cause without its words",
                        ReviewHeldEvent.class,
                        "rootCauses",
                        e -> rootCause(e).remove("text")),
                invalid(
                        "root cause naming who",
                        ReviewHeldEvent.class,
                        "rootCauses",
                        e -> rootCause(e).put("person", "Jane Doe")),
                invalid(
                        "root cause as a plain string",
                        ReviewHeldEvent.class,
                        "rootCauses",
                        e -> e.putArray("rootCauses").add("Nobody owned the cache")),
                invalid(
                        "review without root causes",
                        ReviewHeldEvent.class,
                        "rootCauses",
                        e -> e.putArray("rootCauses")),
                invalid("review of no decision", ReviewHeldEvent.class, "decisionIds", e -> e.putArray("decisionIds")),
                invalid(
                        "facilitated as a string",
                        ReviewHeldEvent.class,
                        "facilitated",
                        e -> e.put("facilitated", "yes")),
                invalid("blameless null", ReviewHeldEvent.class, "blameless", e -> e.putNull("blameless")),
                invalid(
                        "e-mail address as owner",
                        ActionAssignedEvent.class,
                        "owner",
                        e -> e.put("owner", "jane.doe@acme.example")),
                invalid("full name as owner", ActionAssignedEvent.class, "owner", e -> e.put("owner", "Jane Doe")),
                invalid(
                        "dueDate with a time",
                        ActionAssignedEvent.class,
                        "dueDate",
                        e -> e.put("dueDate", "2025-06-30T23:59:59Z")),
                invalid("action without its review", ActionAssignedEvent.class, "reviewId", e -> e.remove("reviewId")),
                invalid(
                        "action of no decision",
                        ActionAssignedEvent.class,
                        "decisionIds",
                        e -> e.putArray("decisionIds")),
                invalid("blank what", ActionAssignedEvent.class, "what", e -> e.put("what", "")),
                invalid(
                        "note of 4001 characters",
                        ActionCompletedEvent.class,
                        "note",
                        e -> e.put("note", "n".repeat(4001))),
                invalid("completed without a note", ActionCompletedEvent.class, "note", e -> e.remove("note")),
                invalid("blank reason", ActionDroppedEvent.class, "reason", e -> e.put("reason", "\t")),
                invalid(
                        "event id a UUID",
                        ActionOverdueEvent.class,
                        "eventId",
                        e -> e.put("eventId", "7f3c2a9e-4b1d-4e8a-9c61-2d5e8f0a1b34")),
                invalid(
                        "event id the bare action id",
                        ActionOverdueEvent.class,
                        "eventId",
                        e -> e.put("eventId", "act-2025-011")),
                invalid(
                        "posted by a tool",
                        ActionOverdueEvent.class,
                        "sourceTool",
                        e -> e.put("sourceTool", "issue-tracker")),
                invalid("posted by a person", ActionOverdueEvent.class, "actor", e -> e.put("actor", "u-7f3a2c")),
                invalid(
                        "overdue during the day",
                        ActionOverdueEvent.class,
                        "occurredAt",
                        e -> e.put("occurredAt", "2025-07-01T09:00:00Z")),
                invalid(
                        "overdue with a fraction of a second",
                        ActionOverdueEvent.class,
                        "occurredAt",
                        e -> e.put("occurredAt", "2025-07-01T00:00:00.001Z")),
                invalid(
                        "upper-case unit shared with",
                        LessonSharedEvent.class,
                        "sharedWithOrgUnit",
                        e -> e.put("sharedWithOrgUnit", "acme/Eng/Data")),
                invalid(
                        "shared with nobody",
                        LessonSharedEvent.class,
                        "sharedWithOrgUnit",
                        e -> e.remove("sharedWithOrgUnit")),
                invalid(
                        "shared lesson of no decision",
                        LessonSharedEvent.class,
                        "decisionIds",
                        e -> e.putArray("decisionIds")));
    }

    /** The first reading of a check-in example. */
    private static ObjectNode reading(ObjectNode checkIn) {
        return (ObjectNode) checkIn.get("readings").get(0);
    }

    /** The first root cause of a review example. */
    private static ObjectNode rootCause(ObjectNode review) {
        return (ObjectNode) review.get("rootCauses").get(0);
    }

    private static Arguments invalid(
            String description, Class<? extends LoopEvent> type, String field, Consumer<ObjectNode> change) {
        return Arguments.of(
                Named.of(EventTypes.name(type) + ": " + description, new InvalidExample(type, field, change)));
    }

    // ---------------------------------------------------------------- helpers

    private static JsonNode example(Class<?> type) {
        return ContractDocs.readJson(ContractDocs.example(type));
    }

    private static Set<ValidationMessage> validate(Class<?> type, JsonNode event) {
        JsonSchema schema = COMPILED.computeIfAbsent(type, t -> {
            assertThat(Files.isRegularFile(ContractDocs.schema(t)))
                    .as("schema of " + t.getSimpleName())
                    .isTrue();
            return SCHEMAS.getSchema(ContractDocs.readJson(ContractDocs.schema(t)), ASSERT_FORMATS);
        });
        return schema.validate(event);
    }

    private static List<String> messages(Set<ValidationMessage> errors) {
        return errors.stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private static List<String> componentNames(Class<?> type) {
        return Arrays.stream(type.getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }

    /** A keyword of a subschema, following a local {@code $ref} into {@code $defs} when it has none itself. */
    private static JsonNode keyword(JsonNode schema, JsonNode subschema, String name) {
        Set<String> seen = new HashSet<>();
        JsonNode current = subschema;
        while (!current.has(name) && current.has("$ref")) {
            String ref = current.get("$ref").asText();
            assertThat(ref).as("local reference").startsWith("#/");
            assertThat(seen.add(ref)).as("reference cycle at " + ref).isTrue();
            current = schema.at(ref.substring(1));
        }
        assertThat(current.has(name)).as("keyword '%s' in %s", name, subschema).isTrue();
        return current.get(name);
    }

    private static DecisionMadeEvent decision(DecisionCategory category, double confidence, List<String> lessons) {
        return new DecisionMadeEvent(
                UUID.randomUUID().toString(),
                "dec-2025-017",
                "acme/eng/platform",
                Instant.parse("2025-03-01T10:00:00Z"),
                recordedNow(),
                "decision-log",
                "u-4f2a91",
                "Move the CI build farm to ephemeral runners",
                category,
                "Median CI time below 12 minutes.",
                confidence,
                LocalDate.parse("2025-06-30"),
                lessons,
                List.of(LocalDate.parse("2025-03-31"), LocalDate.parse("2025-04-30")),
                List.of("failed-invoices-per-day", "dead-letters-per-day"),
                List.of("How invoicing jobs behave."));
    }

    /** The server's clock at millisecond precision, as {@code Stamp.fresh} takes it. */
    private static Instant recordedNow() {
        return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    private static List<String> ids(String prefix, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> prefix + i).toList();
    }
}
