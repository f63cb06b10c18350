package io.learningloop.analytics.lessons;

import static io.learningloop.infra.testing.SampleEvents.behaviorChange;
import static io.learningloop.infra.testing.SampleEvents.lesson;
import static org.assertj.core.api.Assertions.assertThat;

import io.learningloop.contract.events.BehaviorChangedEvent;
import io.learningloop.contract.events.LessonRecordedEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class LessonDocumentTest {

    private final LessonRecordedEvent recorded = lesson("l-1", "acme/eng", "2025-01-01T00:00:00Z", "d-1");
    private final BehaviorChangedEvent changed = behaviorChange("b-1", "acme/sales", "2025-01-11T12:00:00Z", "d-9", List.of("l-1"),
            List.of("d-1"));

    @Test
    void lessonWithABehaviorChangeIsConvertedWithItsLatency() {
        LessonDocument lesson = LessonDocument.empty("l-1").withLesson(recorded, 0).withBehaviorChange(changed);

        assertThat(lesson.converted()).isTrue();
        assertThat(lesson.lessonToBehaviorChangeDays()).isEqualTo(10.5);
        assertThat(lesson.orgUnitPath()).containsExactly("acme", "acme/eng");
    }

    @Test
    void changeArrivingBeforeItsLessonGivesTheSameDocument() {
        LessonDocument inOrder = LessonDocument.empty("l-1").withLesson(recorded, 0).withBehaviorChange(changed);
        LessonDocument reversed = LessonDocument.empty("l-1").withBehaviorChange(changed).withLesson(recorded, 0);

        assertThat(reversed).isEqualTo(inOrder);
    }

    @Test
    void changeWithoutItsLessonDoesNotCountAsConverted() {
        assertThat(LessonDocument.empty("l-1").withBehaviorChange(changed).converted()).isFalse();
    }

    @Test
    void applyingTheSameEventsAgainChangesNothing() {
        LessonDocument once = LessonDocument.empty("l-1").withLesson(recorded, 0).withBehaviorChange(changed);

        assertThat(once.withLesson(recorded, 0).withBehaviorChange(changed)).isEqualTo(once);
    }
}
