package io.learningloop.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LoopStepTest {

    @Test
    void wireNamesAreKebabCaseAndFoundAgain() {
        assertThat(Arrays.stream(LoopStep.values()).map(LoopStep::wireName))
                .containsExactly(
                        "decision",
                        "check-in",
                        "outcome",
                        "review",
                        "action",
                        "action-completion",
                        "action-drop",
                        "lesson",
                        "lesson-share",
                        "behavior-change");
        assertThat(LoopStep.named("behavior-change")).contains(LoopStep.BEHAVIOR_CHANGE);
        assertThat(LoopStep.named("behaviour change")).isEmpty();
    }

    @Test
    void aStepAboutAnotherCarriesThatOnesIdField() {
        for (LoopStep step : LoopStep.values()) {
            assertThat(step.idField()).as(step.name()).isEqualTo(step.partOf().idField());
            assertThat(step.partOf().partOf()).as(step.name()).isEqualTo(step.partOf());
        }
        assertThat(LoopStep.OUTCOME.partOf()).isEqualTo(LoopStep.DECISION);
        assertThat(LoopStep.LESSON_SHARE.partOf()).isEqualTo(LoopStep.LESSON);
    }

    @Test
    void everyStepIsRecordedByAnEventOfTheContract() {
        for (LoopStep step : LoopStep.values()) {
            assertThat(EventTypes.ALL).as(step.name()).contains(step.event());
        }
        assertThat(LoopStep.BEHAVIOR_CHANGE.label()).isEqualTo("behaviour change");
    }
}
