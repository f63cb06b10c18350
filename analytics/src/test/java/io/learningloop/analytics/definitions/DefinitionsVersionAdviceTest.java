package io.learningloop.analytics.definitions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The version written after an answer's own fields, streamed, reads as the tree the advice built before. */
class DefinitionsVersionAdviceTest {

    record Answer(String orgUnit, Long count, List<Double> values, Iterable<String> listed) {}

    @Test
    void theVersionFollowsTheAnswersOwnFieldsAsInTheTreeOfTheAnswer() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Answer answer = new Answer("acme/eng", null, List.of(1.5, 2.0), List.of("r1", "r2"));

        String streamed = json.writeValueAsString(new DefinitionsVersionAdvice.Versioned(answer, "0123456789ab"));

        ObjectNode tree = json.valueToTree(answer);
        tree.put(DefinitionsVersionAdvice.FIELD, "0123456789ab");
        assertThat(streamed).isEqualTo(json.writeValueAsString(tree));
        assertThat(streamed)
                .isEqualTo("{\"orgUnit\":\"acme/eng\",\"count\":null,\"values\":[1.5,2.0],\"listed\":[\"r1\",\"r2\"],"
                        + "\"definitionsVersion\":\"0123456789ab\"}");
    }
}
