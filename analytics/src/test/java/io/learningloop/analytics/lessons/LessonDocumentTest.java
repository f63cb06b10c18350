package io.learningloop.analytics.lessons;

import static io.learningloop.testsupport.SampleEvents.behaviorChange;
import static io.learningloop.testsupport.SampleEvents.lesson;
import static io.learningloop.testsupport.SampleEvents.retracted;
import static org.assertj.core.api.Assertions.assertThat;

import io.learningloop.codec.kafka.EventEnvelope;
import io.learningloop.contract.EventTypes;
import io.learningloop.contract.events.BehaviorChangedEvent;
import io.learningloop.contract.events.DecisionCategory;
import io.learningloop.contract.events.LessonRecordedEvent;
import io.learningloop.contract.events.LoopEvent;
import io.learningloop.projection.elasticsearch.Indices;
import io.learningloop.readmodel.LessonDocument;
import io.learningloop.testsupport.SampleEvents;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LessonDocumentTest {

    private final LessonRecordedEvent recorded = lesson("l-1", "acme/eng", "2025-01-01T00:00:00Z", "d-1");
    private final BehaviorChangedEvent changed =
            behaviorChange("b-1", "acme/sales", "2025-01-11T12:00:00Z", "d-9", List.of("l-1"), List.of("d-1"));

    @Test
    void lessonWithABehaviorChangeIsConvertedWithItsLatency() {
        LessonDocument lesson = Lessons.changed(Lessons.recorded(Lessons.empty("l-1"), recorded, 0), changed);

        assertThat(lesson.converted()).isTrue();
        assertThat(lesson.lessonToBehaviorChangeDays()).isEqualTo(10.5);
        assertThat(lesson.orgUnitPath()).containsExactly("acme", "acme/eng");
    }

    /** The evidence answer shows the lesson's words and the change's: the document keeps them (SampleEvents' texts). */
    @Test
    void theLessonKeepsItsTextHowThinkingChangedAndEachChangesDescription() {
        LessonDocument lesson = Lessons.changed(Lessons.recorded(Lessons.empty("l-1"), recorded, 0), changed);

        assertThat(lesson.lesson()).isEqualTo("Lesson l-1");
        assertThat(lesson.thinkingChange()).isEqualTo("We think differently");
        assertThat(lesson.behaviorChanges())
                .containsExactly(new LessonDocument.ChangeRef(
                        "b-1", Instant.parse("2025-01-11T12:00:00Z"), "d-9", "acme/sales", "Made differently"));
    }

    @Test
    void changeArrivingBeforeItsLessonGivesTheSameDocument() {
        LessonDocument inOrder = Lessons.changed(Lessons.recorded(Lessons.empty("l-1"), recorded, 0), changed);
        LessonDocument reversed = Lessons.recorded(Lessons.changed(Lessons.empty("l-1"), changed), recorded, 0);

        assertThat(reversed).isEqualTo(inOrder);
    }

    /** The recorder is the person a lesson figure's minimum group counts; a later change or share keeps it. */
    @Test
    void theLessonKeepsWhoRecordedItThroughLaterSteps() {
        LessonDocument lesson = Lessons.changed(Lessons.recorded(Lessons.empty("l-1"), recorded, 0), changed);

        assertThat(lesson.actor()).isEqualTo(recorded.actor()).isEqualTo("u-1");
        assertThat(Lessons.changed(Lessons.empty("l-2"), changed).actor()).isNull();
    }

    @Test
    void changeWithoutItsLessonDoesNotCountAsConverted() {
        assertThat(Lessons.changed(Lessons.empty("l-1"), changed).converted()).isFalse();
    }

    @Test
    void applyingTheSameEventsAgainChangesNothing() {
        LessonDocument once = Lessons.changed(Lessons.recorded(Lessons.empty("l-1"), recorded, 0), changed);

        assertThat(Lessons.changed(Lessons.recorded(once, recorded, 0), changed))
                .isEqualTo(once);
    }

    private final LessonsProjection projection = new LessonsProjection(new Indices("test-"));

    private LessonDocument apply(LessonDocument lesson, LoopEvent event, long sequence) {
        EventEnvelope envelope = new EventEnvelope(event, EventTypes.name(event.getClass()), "1", sequence, "t", 0, 0);
        assertThat(projection.documentIds(envelope)).contains("l-1");
        return projection.apply("l-1", lesson, envelope);
    }

    @Test
    void retractedChangeNoLongerConvertsTheLessonInAnyOrder() {
        LessonDocument converted = Lessons.changed(Lessons.recorded(Lessons.empty("l-1"), recorded, 0), changed);

        LessonDocument retracted = apply(converted, retracted(changed), 1);
        LessonDocument readAgain = apply(retracted, changed, 0);
        LessonDocument retractionFirst = apply(apply(apply(null, retracted(changed), 1), changed, 0), recorded, 0);

        assertThat(retracted.converted()).isFalse();
        assertThat(retracted.behaviorChangeCount()).isZero();
        assertThat(retracted.lessonToBehaviorChangeDays()).isNull();
        assertThat(readAgain).isEqualTo(retracted);
        assertThat(retractionFirst).isEqualTo(retracted);
    }

    @Test
    void retractedLessonIsMarkedAndAmendedLessonTakesItsCorrectedTime() {
        LessonRecordedEvent later = lesson("l-1", "acme/eng", "2025-01-06T00:00:00Z", "d-1");

        LessonDocument amended = apply(apply(null, recorded, 0), SampleEvents.amended(later), 1);
        LessonDocument withChange = Lessons.changed(amended, changed);

        assertThat(withChange.lessonToBehaviorChangeDays()).isEqualTo(5.5);
        assertThat(apply(withChange, recorded, 0)).as("the original read again").isEqualTo(withChange);
        assertThat(apply(withChange, retracted(recorded), 2).retracted()).isTrue();
        assertThat(withChange.retracted()).isFalse();
    }

    @Test
    void correctionsOfOtherStepsDoNotTouchLessons() {
        var decision =
                SampleEvents.decision("d-1", "acme/eng", DecisionCategory.PRODUCT, "2024-12-01T00:00:00Z", "l-1");
        EventEnvelope amendment = new EventEnvelope(SampleEvents.amended(decision), "StepAmended", "1", 1, "t", 0, 0);
        EventEnvelope retraction = new EventEnvelope(retracted(decision), "StepRetracted", "1", 2, "t", 0, 0);

        assertThat(projection.documentIds(amendment)).isEmpty();
        assertThat(projection.documentIds(retraction)).isEmpty();
    }
}
