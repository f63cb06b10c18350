package io.learningloop.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.learningloop.contract.events.ActionOverdueEvent;
import io.learningloop.contract.events.Assessment;
import io.learningloop.contract.events.DecisionCategory;
import io.learningloop.contract.events.ReviewKind;
import io.learningloop.contract.events.WireNames;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The consumer-facing README names what the code actually uses, so a rename shows up here. */
class ContractReadmeTest {

    private final String readme = ContractDocs.readText(ContractDocs.readme());

    @Test
    void readmeNamesTheTopicAndEveryHeader() {
        assertThat(readme).contains("`" + KafkaContract.DEFAULT_TOPIC + "`",
                "`" + KafkaContract.HEADER_EVENT_ID + "`",
                "`" + KafkaContract.HEADER_EVENT_TYPE + "`",
                "`" + KafkaContract.HEADER_EVENT_REVISION + "`",
                "`" + KafkaContract.HEADER_AGGREGATE_SEQUENCE + "`");
    }

    @Test
    void readmeDocumentsEveryEventWithItsSchemaAndRevision() {
        for (Class<?> type : EventTypes.ALL) {
            String name = EventTypes.name(type);
            assertThat(readme).contains("## " + name, "`" + name + "`",
                    "schemas/" + ContractDocs.schema(type).getFileName());
        }
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
        Arrays.stream(DecisionCategory.values()).map(WireNames::of)
                .forEach(wireName -> assertThat(readme).contains("`" + wireName + "`"));
        Arrays.stream(Assessment.values()).map(WireNames::of)
                .forEach(wireName -> assertThat(readme).contains("`" + wireName + "`"));
        Arrays.stream(ReviewKind.values()).map(WireNames::of)
                .forEach(wireName -> assertThat(readme).contains("`" + wireName + "`"));
    }

    @Test
    void readmeListsTheStandardRootCauseThemesAndTheirPattern() {
        EventSchemasTest.STANDARD_THEMES.forEach(theme -> assertThat(readme).contains("`" + theme + "`"));
        assertThat(readme).contains("`" + EventSchemasTest.THEME_PATTERN + "`");
    }

    @Test
    void readmeStatesHowEventIdsAreMade() {
        assertThat(readme).contains("`" + EventSchemasTest.UUID_PATTERN + "`", "`<actionId>:overdue`");
    }

    @Test
    void readmeNamesThePlatformAsToolAndActorOfWhatItRecordsItself() {
        assertThat(readme).contains("`" + ActionOverdueEvent.PLATFORM + "`");
    }

    @Test
    void readmeStatesTheOrgUnitPatternOfTheCode() {
        assertThat(readme).contains("`" + OrgUnits.PATTERN + "`");
    }
}
