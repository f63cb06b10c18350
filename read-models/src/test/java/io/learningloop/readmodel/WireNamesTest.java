package io.learningloop.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The statuses are stored, searched and filtered in Kibana by these exact names. */
class WireNamesTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void statusesAndStagesKeepTheirWireNames() {
        assertThat(Arrays.stream(CheckInStatus.values()).map(CheckInStatus::wireName))
                .containsExactly("planned", "held", "missed", "held-late");
        assertThat(Arrays.stream(ActionStatus.values()).map(ActionStatus::wireName))
                .containsExactly("open", "completed", "dropped");
        assertThat(Arrays.stream(LoopStage.values()).map(LoopStage::wireName))
                .containsExactly(
                        "decided", "outcome-observed", "lesson-learned", "behavior-changed", "retracted", "pending");
        assertThat(Arrays.stream(CorrectionKind.values()).map(CorrectionKind::wireName))
                .containsExactly("amended", "retracted");
        assertThat(Arrays.stream(ParkReason.values()).map(ParkReason::wireName))
                .containsExactly("elasticsearch-refused", "projection-failed", "undecodable");
    }

    @Test
    void jsonReadsAndWritesTheWireName() throws Exception {
        assertThat(json.writeValueAsString(CheckInStatus.HELD_LATE)).isEqualTo("\"held-late\"");
        assertThat(json.readValue("\"behavior-changed\"", LoopStage.class)).isEqualTo(LoopStage.BEHAVIOR_CHANGED);
    }
}
