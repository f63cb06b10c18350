package io.learningloop.infra.kibana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.learningloop.infra.kibana.SavedObjectsCheck.FieldUse;
import io.learningloop.infra.kibana.SavedObjectsCheck.Use;
import io.learningloop.projection.elasticsearch.Indices;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kibana does not run here, so the shipped saved objects ({@code infra/kibana/learning-loop.ndjson})
 * are checked against the index templates instead of being rendered: every field they name must be
 * in the mapping of the index their data view points at, with a type that fits what they do with it.
 */
class KibanaSavedObjectsTest {

    /** Surefire runs in the module directory. */
    static final Path SAVED_OBJECTS = Path.of("kibana/learning-loop.ndjson");

    private static final TemplateMappings MAPPINGS = TemplateMappings.withPrefix(Indices.DEFAULT_PREFIX);

    private static String ndjson;
    private static SavedObjectsCheck check;

    @BeforeAll
    static void readSavedObjects() throws IOException {
        ndjson = Files.readString(SAVED_OBJECTS, StandardCharsets.UTF_8);
        check = new SavedObjectsCheck(ndjson, MAPPINGS);
    }

    @Test
    void everyLineIsOneSavedObjectWithIdTypeAttributesAndReferences() {
        assertThat(check.fileProblems()).isEmpty();
        assertThat(ndjson.lines().filter(line -> !line.isBlank()))
                .hasSize(check.objects().size());
        assertThat(check.objects())
                .extracting(object -> object.path("type").asText())
                .containsOnly("index-pattern", "lens", "search", "dashboard");
    }

    @Test
    void eachTemplateHasOneDataViewTitledWithTheProductionIndexAndADateTimeField() {
        assertThat(check.dataViewProblems()).isEmpty();
        assertThat(check.objectsOfType("index-pattern"))
                .extracting(
                        object -> object.path("id").asText(),
                        object -> object.path("attributes").path("title").asText(),
                        object ->
                                object.path("attributes").path("timeFieldName").asText())
                .containsExactlyInAnyOrder(
                        tuple("ll-events", "learning-loop-events", "occurredAt"),
                        tuple("ll-loops", "learning-loop-loops", "decidedAt"),
                        tuple("ll-lessons", "learning-loop-lessons", "recordedAt"),
                        tuple("ll-dead-letters", "learning-loop-dead-letters", "parkedAt"),
                        // a review once per year of its decisions: the API's cohort of a period's decisions
                        tuple("ll-reviews", "learning-loop-reviews", "decisionDates"),
                        tuple("ll-relearning", "learning-loop-relearning", "recordedAt"));
    }

    /** Each index is an alias over versioned indices (decision 0012): a pattern would count both. */
    @Test
    void aDataViewOverAPatternOrAVersionedIndexIsReported() {
        for (String title : new String[] {"learning-loop-loops*", "learning-loop-loops-v2"}) {
            SavedObjectsCheck patterned = new SavedObjectsCheck(
                    ndjson.replace("\"title\":\"learning-loop-loops\"", "\"title\":\"" + title + "\""), MAPPINGS);

            assertThat(patterned.dataViewProblems())
                    .anySatisfy(problem -> assertThat(problem).contains("'" + title + "' must be one index's alias"));
        }
    }

    @Test
    void everyFieldNamedByAnObjectIsMappedInItsDataViewsIndexWithATypeThatFitsItsUse() {
        assertThat(check.fieldProblems()).isEmpty();
        List<FieldUse> uses = check.fieldUses();
        System.out.printf(
                "Kibana saved objects: %d field references (%d distinct fields) checked against the"
                        + " templates, plus %d data view time fields%n",
                uses.size(),
                uses.stream()
                        .map(use -> use.dataViewId() + "/" + use.field())
                        .distinct()
                        .count(),
                check.objectsOfType("index-pattern").size());
    }

    /** Guards the check itself: were the collector to stop finding fields, the test above would pass vacuously. */
    @Test
    void theCheckFindsTheFieldsOfEveryKindOfObject() {
        assertThat(check.fieldUses())
                .extracting(FieldUse::objectId, FieldUse::dataViewId, FieldUse::field, FieldUse::use)
                .contains(
                        tuple("lens ll-lens-outcome-latency-by-org-unit", "ll-loops", "orgUnit", Use.TERMS),
                        tuple(
                                "lens ll-lens-outcome-latency-by-org-unit",
                                "ll-loops",
                                "latency.decisionToOutcomeDays",
                                Use.NUMERIC_METRIC),
                        tuple(
                                "lens ll-lens-outcome-latency-by-org-unit",
                                "ll-loops",
                                "latency.decisionToOutcomeDays",
                                Use.QUERY),
                        tuple(
                                "lens ll-lens-behavior-change-latency-per-year",
                                "ll-loops",
                                "decidedAt",
                                Use.DATE_HISTOGRAM),
                        tuple(
                                "lens ll-lens-behavior-change-latency-per-year",
                                "ll-loops",
                                "latency.decisionToBehaviorChangeDays",
                                Use.NUMERIC_METRIC),
                        tuple(
                                "lens ll-lens-learning-conversion-per-year",
                                "ll-lessons",
                                "recordedAt",
                                Use.DATE_HISTOGRAM),
                        tuple("lens ll-lens-learning-conversion-per-year", "ll-lessons", "converted", Use.QUERY),
                        tuple("lens ll-lens-loops-by-stage-and-category", "ll-loops", "category", Use.TERMS),
                        tuple("lens ll-lens-loops-by-stage-and-category", "ll-loops", "stage", Use.TERMS),
                        tuple("search ll-search-events", "ll-events", "eventType", Use.COLUMN),
                        tuple("search ll-search-events", "ll-events", "orgUnit", Use.COLUMN),
                        tuple("search ll-search-events", "ll-events", "actor", Use.COLUMN),
                        tuple("search ll-search-events", "ll-events", "occurredAt", Use.SORT),
                        tuple(
                                "lens ll-lens-evidence-per-year",
                                "ll-loops",
                                "appliedChanges.behaviorChangeId",
                                Use.QUERY),
                        tuple("lens ll-lens-reviews-by-verdict", "ll-reviews", "verdict", Use.TERMS),
                        tuple("lens ll-lens-reviews-by-verdict", "ll-reviews", "decisionDates", Use.DATE_HISTOGRAM),
                        tuple("lens ll-lens-ritual-share-per-year", "ll-reviews", "verdict", Use.QUERY),
                        tuple("lens ll-lens-relearning-per-year", "ll-relearning", "relearned", Use.QUERY),
                        tuple(
                                "lens ll-lens-practice-signals-decisions",
                                "ll-loops",
                                "checkInCounts.heldLate",
                                Use.NUMERIC_METRIC),
                        tuple("lens ll-lens-practice-signals-decisions", "ll-loops", "uncertaintyStated", Use.QUERY),
                        tuple(
                                "lens ll-lens-practice-signals-reviews",
                                "ll-reviews",
                                "actionsAssigned",
                                Use.NUMERIC_METRIC),
                        tuple("lens ll-lens-practice-signals-reviews", "ll-reviews", "blameless", Use.QUERY));
        // The conversion filter is found both in the hidden count column and in the formula text.
        assertThat(check.fieldUses())
                .filteredOn(use -> use.field().equals("converted"))
                .extracting(FieldUse::where)
                .anySatisfy(where -> assertThat(where).contains("filter"))
                .anySatisfy(where -> assertThat(where).contains("formula kql"));
    }

    /**
     * A retracted loop or lesson counts in no metric: every panel over those indices leaves them out. The
     * verdict indices hold no retracted review or lesson (the writer deletes them), so their panels need
     * no such filter.
     */
    @Test
    void everyPanelOverLoopsOrLessonsLeavesRetractedOnesOut() {
        List<String> panelsOverLoopsOrLessons = check.fieldUses().stream()
                .filter(use -> use.objectId().startsWith("lens ")
                        && List.of("ll-loops", "ll-lessons").contains(use.dataViewId()))
                .map(FieldUse::objectId)
                .distinct()
                .toList();

        assertThat(panelsOverLoopsOrLessons).hasSize(6);
        for (JsonNode lens : check.objectsOfType("lens")) {
            String query = lens.at("/attributes/state/query/query").asText();
            if (panelsOverLoopsOrLessons.contains("lens " + lens.path("id").asText())) {
                assertThat(query).as(lens.path("id").asText()).containsPattern("(^| and )not retracted : true$");
            }
        }
        assertThat(check.fieldUses())
                .filteredOn(use -> use.field().equals("retracted"))
                .extracting(FieldUse::use)
                .containsOnly(Use.QUERY);
    }

    @Test
    void everyReferencePointsAtAnObjectInTheFile() {
        assertThat(check.referenceProblems()).isEmpty();
    }

    @Test
    void lensColumnsAccessorsAndFormulaPartsHangTogether() {
        assertThat(check.lensStructureProblems()).isEmpty();
    }

    @Test
    void theDashboardPlacesEveryVisualizationAndTheEventSearchOnTheGrid() {
        assertThat(check.dashboardProblems()).isEmpty();
        JsonNode dashboard = check.objectsOfType("dashboard").get(0);
        List<String> visualizations = Stream.concat(
                        check.objectsOfType("lens").stream(), check.objectsOfType("search").stream())
                .map(object -> object.path("id").asText())
                .toList();
        assertThat(dashboard.path("references").findValuesAsText("id"))
                .containsExactlyInAnyOrderElementsOf(visualizations);
    }

    /**
     * Breaks the file the ways it is likely to break, and expects the check to say so: otherwise a
     * green run would prove nothing.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("breakages")
    void aBrokenFileIsReported(String breakage, String from, String to, String expectedProblem) {
        String broken = ndjson.replace(from, to);
        assertThat(broken).as("the breakage must change the file").isNotEqualTo(ndjson);

        List<String> problems = new SavedObjectsCheck(broken, MAPPINGS).problems();

        assertThat(problems)
                .as(breakage)
                .anySatisfy(problem -> assertThat(problem).contains(expectedProblem));
    }

    static Stream<Arguments> breakages() {
        return Stream.of(
                Arguments.of(
                        "misspelt percentile field",
                        "\"sourceField\":\"latency.decisionToOutcomeDays\"",
                        "\"sourceField\":\"latency.decisionToOutcomeDay\"",
                        "'latency.decisionToOutcomeDay' is not in the mapping of learning-loop-loops"),
                Arguments.of(
                        "percentile of a keyword",
                        "\"sourceField\":\"latency.decisionToBehaviorChangeDays\"",
                        "\"sourceField\":\"stage\"",
                        "'stage' is keyword in learning-loop-loops"),
                Arguments.of(
                        "terms on a text field",
                        "\"sourceField\":\"orgUnit\"",
                        "\"sourceField\":\"title\"",
                        "'title' is text in learning-loop-loops"),
                Arguments.of(
                        "date histogram on a keyword",
                        "\"sourceField\":\"decidedAt\"",
                        "\"sourceField\":\"decisionId\"",
                        "'decisionId' is keyword in learning-loop-loops"),
                Arguments.of(
                        "field of another index",
                        "\"sourceField\":\"recordedAt\"",
                        "\"sourceField\":\"decidedAt\"",
                        "'decidedAt' is not in the mapping of learning-loop-lessons"),
                Arguments.of(
                        "misspelt field in a column filter",
                        "\"query\":\"converted : true\"",
                        "\"query\":\"convertd : true\"",
                        "'convertd' is not in the mapping of learning-loop-lessons"),
                Arguments.of(
                        "misspelt field in the formula",
                        "count(kql='converted : true')",
                        "count(kql='converted_ : true')",
                        "'converted_' is not in the mapping of learning-loop-lessons"),
                Arguments.of(
                        "filter value a boolean never has",
                        "\"query\":\"converted : true\"",
                        "\"query\":\"converted : yes\"",
                        "never matches 'yes'"),
                Arguments.of(
                        "query the check cannot read",
                        "latency.decisionToOutcomeDays : *",
                        "latency.decisionToOutcomeDays >= 0",
                        "cannot check KQL clause"),
                Arguments.of(
                        "misspelt saved search column",
                        "[\"eventType\",\"orgUnit\",\"actor\"]",
                        "[\"eventType\",\"orgUnit\",\"actr\"]",
                        "'actr' is not in the mapping of learning-loop-events"),
                Arguments.of(
                        "saved search sorted by a misspelt field",
                        "[[\"occurredAt\",\"desc\"]]",
                        "[[\"occuredAt\",\"desc\"]]",
                        "'occuredAt' is not in the mapping of learning-loop-events"),
                Arguments.of(
                        "reference to a data view not in the file",
                        "\"id\":\"ll-lessons\",\"name\":\"indexpattern-datasource-layer-",
                        "\"id\":\"ll-lesson\",\"name\":\"indexpattern-datasource-layer-",
                        "index-pattern/ll-lesson, which is not in the file"),
                Arguments.of(
                        "data view time field that is no date",
                        "\"timeFieldName\":\"decidedAt\"",
                        "\"timeFieldName\":\"stage\"",
                        "time field 'stage' is keyword"),
                Arguments.of(
                        "data view title that no template creates",
                        "\"title\":\"learning-loop-events\"",
                        "\"title\":\"learning-loop-event\"",
                        "title 'learning-loop-event' is no template's index"),
                Arguments.of(
                        "visualization left off the dashboard",
                        "{\"name\":\"4:panel_4\",\"type\":\"lens\",\"id\":\"ll-lens-loops-by-stage-and-category\"}",
                        "{\"name\":\"4:panel_4\",\"type\":\"lens\",\"id\":\"ll-lens-learning-conversion-per-year\"}",
                        "lens ll-lens-loops-by-stage-and-category is on no dashboard"),
                Arguments.of(
                        "accessor of a column the layer lacks",
                        "\"accessors\":[\"col-p50\",\"col-p90\"]",
                        "\"accessors\":[\"col-p50\",\"col-p95\"]",
                        "accessor 'col-p95' is not a column"),
                Arguments.of(
                        "a loops field in a reviews panel",
                        "\"sourceField\":\"decisionDates\"",
                        "\"sourceField\":\"decidedAt\"",
                        "'decidedAt' is not in the mapping of learning-loop-reviews"),
                Arguments.of(
                        "misspelt verdict field in a formula",
                        "count(kql='verdict : ritual')",
                        "count(kql='verdikt : ritual')",
                        "'verdikt' is not in the mapping of learning-loop-reviews"),
                Arguments.of(
                        "sum of a keyword",
                        "\"sourceField\":\"actionsAssigned\"",
                        "\"sourceField\":\"verdict\"",
                        "'verdict' is keyword in learning-loop-reviews"),
                Arguments.of(
                        "relearning panel over the lessons data view",
                        "\"id\":\"ll-relearning\",\"name\":\"indexpattern-datasource-layer-",
                        "\"id\":\"ll-lessons\",\"name\":\"indexpattern-datasource-layer-",
                        "'relearned' is not in the mapping of learning-loop-lessons"));
    }
}
