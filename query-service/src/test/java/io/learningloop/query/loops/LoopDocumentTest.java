package io.learningloop.query.loops;

import static io.learningloop.infra.testing.SampleEvents.behaviorChange;
import static io.learningloop.infra.testing.SampleEvents.decision;
import static io.learningloop.infra.testing.SampleEvents.lesson;
import static io.learningloop.infra.testing.SampleEvents.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import io.learningloop.contract.EventTypes;
import io.learningloop.contract.events.DecisionCategory;
import io.learningloop.contract.events.LoopEvent;
import io.learningloop.infra.elasticsearch.Indices;
import io.learningloop.infra.projection.EventEnvelope;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LoopDocumentTest {

    private final LoopsProjection projection = new LoopsProjection(new Indices("test-"));

    private final List<EventEnvelope> loop = List.of(
            envelope(decision("d-1", "acme/eng", DecisionCategory.PRODUCT, "2025-01-01T00:00:00Z"), 0),
            envelope(outcome("d-1", "acme/eng", "2025-01-11T00:00:00Z"), 1),
            envelope(lesson("l-0", "acme/eng", "2025-01-05T00:00:00Z", "d-1"), 0),
            envelope(lesson("l-1", "acme/eng", "2025-01-13T12:00:00Z", "d-1"), 0),
            envelope(behaviorChange("b-1", "acme/hr", "2025-03-01T00:00:00Z", "d-2", List.of("l-1"),
                    List.of("d-1")), 0));

    @Test
    void stagesAndLatenciesFollowFromTheSteps() {
        LoopDocument document = applyAll("d-1", loop);

        assertThat(document.stage()).isEqualTo("behavior-changed");
        assertThat(document.latency().decisionToOutcomeDays()).isEqualTo(10.0);
        // The lesson before the outcome (l-0) does not count for outcome-to-lesson: l-1 does, 2.5 days on.
        assertThat(document.latency().outcomeToLessonDays()).isEqualTo(2.5);
        assertThat(document.latency().decisionToBehaviorChangeDays()).isEqualTo(59.0);
        assertThat(document.firstLessonAt()).hasToString("2025-01-05T00:00:00Z");
        assertThat(document.lessonCount()).isEqualTo(2);
    }

    @Test
    void anyArrivalOrderGivesTheSameDocument() {
        LoopDocument inOrder = applyAll("d-1", loop);
        Random random = new Random(42);
        for (int round = 0; round < 20; round++) {
            List<EventEnvelope> shuffled = new ArrayList<>(loop);
            Collections.shuffle(shuffled, random);
            assertThat(applyAll("d-1", shuffled)).as("order %s", shuffled).isEqualTo(inOrder);
        }
    }

    @Test
    void applyingEveryEventAgainChangesNothing() {
        LoopDocument once = applyAll("d-1", loop);
        assertThat(applyAll("d-1", loop, once)).isEqualTo(once);
    }

    @Test
    void theChangedDecisionRecordsTheLessonsItApplied() {
        LoopDocument changed = applyAll("d-2", loop);

        assertThat(changed.appliedLessonIds()).containsExactly("l-1");
        assertThat(changed.appliedInBehaviorChangeIds()).containsExactly("b-1");
        assertThat(changed.behaviorChanges()).isEmpty();
    }

    @Test
    void everyEventTypeOfTheContractIsHandled() {
        assertThat(loop).extracting(EventEnvelope::type).containsAll(EventTypes.ALL.stream().map(EventTypes::name)
                .toList());
    }

    private LoopDocument applyAll(String decisionId, List<EventEnvelope> events) {
        return applyAll(decisionId, events, null);
    }

    private LoopDocument applyAll(String decisionId, List<EventEnvelope> events, LoopDocument start) {
        LoopDocument document = start;
        for (EventEnvelope event : events) {
            if (projection.documentIds(event).contains(decisionId)) {
                document = projection.apply(decisionId, document, event);
            }
        }
        return document;
    }

    private static EventEnvelope envelope(LoopEvent event, long sequence) {
        return new EventEnvelope(event, EventTypes.name(event.getClass()), "1", sequence, "t", 0, 0);
    }
}
