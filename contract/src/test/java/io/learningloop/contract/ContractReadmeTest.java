package io.learningloop.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.learningloop.contract.events.Assessment;
import io.learningloop.contract.events.DecisionCategory;
import io.learningloop.contract.events.ExtractionPractice;
import io.learningloop.contract.events.LoopEvent;
import io.learningloop.contract.events.ReportedBy;
import io.learningloop.contract.events.ReviewKind;
import io.learningloop.contract.events.WireNames;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The consumer-facing README names what the code actually uses, so a rename shows up here. */
class ContractReadmeTest {

    private final String readme = ContractDocs.readText(ContractDocs.readme());

    @Test
    void readmeNamesTheTopicAndEveryHeader() {
        assertThat(readme)
                .contains(
                        "`" + KafkaContract.DEFAULT_TOPIC + "`",
                        "`" + KafkaContract.HEADER_EVENT_ID + "`",
                        "`" + KafkaContract.HEADER_EVENT_TYPE + "`",
                        "`" + KafkaContract.HEADER_EVENT_REVISION + "`",
                        "`" + KafkaContract.HEADER_AGGREGATE_SEQUENCE + "`");
    }

    @Test
    void readmeDocumentsEveryEventWithItsSchemaAndRevision() {
        for (Class<?> type : EventTypes.ALL) {
            String name = EventTypes.name(type);
            assertThat(readme)
                    .contains(
                            "## " + name,
                            "`" + name + "`",
                            "schemas/" + ContractDocs.schema(type).getFileName());
        }
    }

    /** The topic table states each event's current revision: {@code | [`DecisionMade`](#decisionmade) | ... | 2 |}. */
    @Test
    void readmeTopicTableGivesTheCurrentRevisionOfEveryEvent() {
        for (Class<?> type : EventTypes.ALL) {
            String name = EventTypes.name(type);
            String row = readme.lines()
                    .filter(line -> line.startsWith("| [`" + name + "`]"))
                    .findFirst()
                    .orElse("");

            assertThat(row).as("topic table row of " + name).endsWith("| " + EventTypes.revision(type) + " |");
        }
    }

    /** Older revisions stay documented, so that a consumer replaying from offset 0 knows what it reads. */
    @Test
    void readmeLinksTheSchemaOfEveryOlderRevisionAndStatesItsUpcast() {
        int revisions = readme.indexOf("## How the contract evolves");
        assertThat(revisions).isNotNegative();
        for (Class<?> type : EventTypes.ALL) {
            IntStream.range(1, Integer.parseInt(EventTypes.revision(type)))
                    .mapToObj(String::valueOf)
                    .forEach(revision -> assertThat(readme.substring(revisions))
                            .contains("schemas/"
                                    + ContractDocs.schema(type, revision).getFileName())
                            .contains("examples/"
                                    + ContractDocs.example(type, revision).getFileName()));
        }
        assertThat(readme.substring(revisions))
                .contains(
                        "`EventUpcasts`",
                        "`\"reportedBy\": \"unknown\"`",
                        "`\"checkInDates\": []`",
                        "`\"leadingIndicators\": []`",
                        "`\"uncertainties\": []`",
                        "`\"reviewIds\": []`",
                        "`\"themes\": []`",
                        "`\"extractionPractice\": \"unknown\"`");
    }

    @Test
    void readmeExampleOfEveryEventIsItsExampleFile() throws Exception {
        for (Class<?> type : EventTypes.ALL) {
            int section = readme.indexOf("## " + EventTypes.name(type) + "\n");
            assertThat(section).as("section of " + EventTypes.name(type)).isNotNegative();
            int start = readme.indexOf("```json\n", section) + "```json\n".length();
            int end = readme.indexOf("```", start);
            JsonNode shown = ContractDocs.strictMapper().readTree(readme.substring(start, end));

            assertThat(shown).as(EventTypes.name(type)).isEqualTo(ContractDocs.readJson(ContractDocs.example(type)));
        }
    }

    @Test
    void readmeListsEveryEnumWireName() {
        Arrays.stream(DecisionCategory.values())
                .map(WireNames::of)
                .forEach(wireName -> assertThat(readme).contains("`" + wireName + "`"));
        Arrays.stream(Assessment.values())
                .map(WireNames::of)
                .forEach(wireName -> assertThat(readme).contains("`" + wireName + "`"));
        Arrays.stream(ReviewKind.values())
                .map(WireNames::of)
                .forEach(wireName -> assertThat(readme).contains("`" + wireName + "`"));
        Arrays.stream(ReportedBy.values())
                .map(WireNames::of)
                .forEach(wireName -> assertThat(readme).contains("`" + wireName + "`"));
        Arrays.stream(ExtractionPractice.values())
                .map(WireNames::of)
                .forEach(wireName -> assertThat(readme).contains("`" + wireName + "`"));
    }

    @Test
    void readmeListsTheStandardRootCauseThemesAndTheirPattern() {
        EventSchemasTest.STANDARD_THEMES.forEach(theme -> assertThat(readme).contains("`" + theme + "`"));
        assertThat(readme).contains("`" + EventSchemasTest.THEME_PATTERN + "`");
    }

    @Test
    void readmeStatesHowEventIdsAreMade() {
        assertThat(readme)
                .contains(
                        "`" + EventSchemasTest.UUID_PATTERN + "`",
                        "`<actionId>:overdue`",
                        "`<decisionId>:check-in:<yyyy-MM-dd>`");
    }

    @Test
    void readmeNamesThePlatformAsToolAndActorOfWhatItRecordsItself() {
        assertThat(readme).contains("`" + LoopEvent.PLATFORM + "`");
    }

    @Test
    void readmeStatesTheOrgUnitPatternOfTheCode() {
        assertThat(readme).contains("`" + OrgUnits.PATTERN + "`");
    }
}
