package io.learningloop.query.loops;

import static io.learningloop.testsupport.SampleEvents.actionAssigned;
import static io.learningloop.testsupport.SampleEvents.actionCompleted;
import static io.learningloop.testsupport.SampleEvents.actionDropped;
import static io.learningloop.testsupport.SampleEvents.actionOverdue;
import static io.learningloop.testsupport.SampleEvents.amended;
import static io.learningloop.testsupport.SampleEvents.behaviorChange;
import static io.learningloop.testsupport.SampleEvents.checkInHeld;
import static io.learningloop.testsupport.SampleEvents.checkInMissed;
import static io.learningloop.testsupport.SampleEvents.decision;
import static io.learningloop.testsupport.SampleEvents.decisionWithCheckIns;
import static io.learningloop.testsupport.SampleEvents.lesson;
import static io.learningloop.testsupport.SampleEvents.lessonShared;
import static io.learningloop.testsupport.SampleEvents.outcome;
import static io.learningloop.testsupport.SampleEvents.retracted;
import static io.learningloop.testsupport.SampleEvents.review;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.learningloop.codec.json.EventJson;
import io.learningloop.codec.kafka.EventEnvelope;
import io.learningloop.contract.EventTypes;
import io.learningloop.contract.events.Assessment;
import io.learningloop.contract.events.DecisionCategory;
import io.learningloop.contract.events.LoopEvent;
import io.learningloop.contract.events.OutcomeObservedEvent;
import io.learningloop.contract.events.ReportedBy;
import io.learningloop.contract.events.ReviewHeldEvent;
import io.learningloop.contract.events.ReviewKind;
import io.learningloop.contract.events.RootCause;
import io.learningloop.projection.elasticsearch.Indices;
import io.learningloop.readmodel.ActionStatus;
import io.learningloop.readmodel.CheckInStatus;
import io.learningloop.readmodel.CorrectionKind;
import io.learningloop.readmodel.LoopDocument;
import io.learningloop.readmodel.LoopStage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LoopDocumentTest {

    private final LoopsProjection projection = new LoopsProjection(new Indices("test-"));

    /** One loop with every kind of step, each with the aggregate sequence the command side gives. */
    private final List<EventEnvelope> loop = List.of(
            envelope(
                    decisionWithCheckIns(
                            "d-1", "acme/eng", "2025-01-01T00:00:00Z", "2025-01-05", "2025-01-08", "2025-01-09"),
                    0),
            envelope(checkInHeld("d-1", "acme/eng", "2025-01-05T10:00:00Z", "2025-01-05"), 1),
            envelope(checkInMissed("d-1", "acme/eng", "2025-01-08"), 2),
            envelope(checkInHeld("d-1", "acme/eng", "2025-01-13T10:00:00Z", "2025-01-08"), 3),
            envelope(outcome("d-1", "acme/eng", "2025-01-11T00:00:00Z"), 4),
            envelope(lesson("l-0", "acme/eng", "2025-01-05T00:00:00Z", "d-1"), 0),
            envelope(review("r-1", "acme/eng", "2025-01-12T00:00:00Z", "d-1"), 0),
            envelope(actionAssigned("a-1", "r-1", "2025-01-12T00:00:00Z", "2025-02-01", "d-1"), 0),
            envelope(actionOverdue("a-1", "2025-02-01", "d-1"), 1),
            envelope(actionCompleted("a-1", "2025-02-10T00:00:00Z", "d-1"), 2),
            envelope(actionAssigned("a-2", "r-1", "2025-01-12T00:00:00Z", "2025-03-01", "d-1"), 0),
            envelope(actionDropped("a-2", "2025-01-20T00:00:00Z", "d-1"), 1),
            envelope(actionAssigned("a-3", "r-1", "2025-01-12T00:00:00Z", "2025-12-01", "d-1"), 0),
            envelope(lesson("l-1", "acme/eng", "2025-01-13T12:00:00Z", "d-1"), 0),
            envelope(lessonShared("l-1", "acme/eng", "2025-01-20T00:00:00Z", "acme/hr", "d-1"), 1),
            envelope(
                    behaviorChange("b-1", "acme/hr", "2025-03-01T00:00:00Z", "d-2", List.of("l-1"), List.of("d-1")), 0),
            // Corrections: the review's participants were mistyped; action a-4 was never assigned.
            envelope(
                    amended(new ReviewHeldEvent(
                            "e-r-1",
                            "r-1",
                            "acme/eng",
                            Instant.parse("2025-01-12T00:00:00Z"),
                            Instant.parse("2026-11-01T00:00:00Z"),
                            "test-tool",
                            "u-1",
                            List.of("d-1"),
                            ReviewKind.POST_MORTEM,
                            List.of(
                                    new RootCause("ownership", "Nobody owned it"),
                                    new RootCause("assumptions", "We assumed it scales")),
                            true,
                            true,
                            9)),
                    1),
            envelope(actionAssigned("a-4", "r-1", "2025-01-12T00:00:00Z", "2025-01-20", "d-1"), 0),
            envelope(retracted(actionAssigned("a-4", "r-1", "2025-01-12T00:00:00Z", "2025-01-20", "d-1")), 1));

    @Test
    void stagesAndLatenciesFollowFromTheSteps() {
        LoopDocument document = applyAll("d-1", loop);

        assertThat(document.stage()).isEqualTo(LoopStage.BEHAVIOR_CHANGED);
        assertThat(document.latency().decisionToOutcomeDays()).isEqualTo(10.0);
        // The lesson before the outcome (l-0) does not count for outcome-to-lesson: l-1 does, 2.5 days on.
        assertThat(document.latency().outcomeToLessonDays()).isEqualTo(2.5);
        assertThat(document.latency().decisionToBehaviorChangeDays()).isEqualTo(59.0);
        assertThat(document.firstLessonAt()).hasToString("2025-01-05T00:00:00Z");
        assertThat(document.lessonCount()).isEqualTo(2);
    }

    @Test
    void checkInsAreHeldMissedOrHeldLateAndUncertaintyIsASignal() {
        LoopDocument document = applyAll("d-1", loop);

        assertThat(document.checkIns())
                .extracting(LoopDocument.CheckIn::status)
                .containsExactly(CheckInStatus.HELD, CheckInStatus.HELD_LATE, CheckInStatus.PLANNED);
        assertThat(document.checkInCounts()).isEqualTo(new LoopDocument.CheckInCounts(3, 1, 0, 1));
        assertThat(document.uncertaintyStated()).isTrue();
        assertThat(document.outcome().reportedBy()).isEqualTo(ReportedBy.OTHERS);
    }

    /**
     * The loop as answered: its check-in of 2025-01-09 counts as missed from 2025-01-13T00:00Z (the end of its
     * day plus three days), open action a-3 (due 2025-12-01) as overdue from 2025-12-02T00:00Z, before the
     * platform records either; the stored document keeps what the events said.
     */
    @Test
    void answeredAsOfAMomentDatesThatPassedReadMissedAndOverdue() {
        LoopDocument stored = applyAll("d-1", loop);
        Duration tolerance = Duration.ofDays(3);

        LoopView before = LoopView.asOf(stored, Instant.parse("2025-01-12T23:59:59Z"), tolerance);
        assertThat(before).isEqualTo(LoopView.of(stored));

        LoopView later = LoopView.asOf(stored, Instant.parse("2025-01-13T00:00:00Z"), tolerance);
        assertThat(later.checkIns())
                .extracting(LoopDocument.CheckIn::status)
                .containsExactly(CheckInStatus.HELD, CheckInStatus.HELD_LATE, CheckInStatus.MISSED);
        assertThat(later.checkInCounts()).isEqualTo(new LoopDocument.CheckInCounts(3, 1, 1, 1));
        assertThat(later.actionCounts()).isEqualTo(new LoopDocument.ActionCounts(3, 1, 1, 1, 1));

        LoopView afterDue = LoopView.asOf(stored, Instant.parse("2025-12-02T00:00:00Z"), tolerance);
        assertThat(afterDue.actions())
                .extracting(LoopView.ActionView::actionId, LoopView.ActionView::overdue)
                .containsExactly(tuple("a-1", true), tuple("a-2", false), tuple("a-3", true));
        assertThat(afterDue.actionCounts()).isEqualTo(new LoopDocument.ActionCounts(3, 1, 1, 1, 2));
        assertThat(stored.checkInCounts()).isEqualTo(new LoopDocument.CheckInCounts(3, 1, 0, 1));
    }

    @Test
    void reviewsActionsAndSharingAreKeptWithTheirStatus() {
        LoopDocument document = applyAll("d-1", loop);

        assertThat(document.reviewCount()).isEqualTo(1);
        assertThat(document.reviews().get(0).rootCauseThemes()).containsExactly("assumptions", "ownership");
        assertThat(document.actions())
                .extracting(
                        LoopDocument.ActionRef::actionId,
                        LoopDocument.ActionRef::status,
                        LoopDocument.ActionRef::overdue)
                .containsExactly(
                        tuple("a-1", ActionStatus.COMPLETED, true),
                        tuple("a-2", ActionStatus.DROPPED, false),
                        tuple("a-3", ActionStatus.OPEN, false));
        assertThat(document.actionCounts()).isEqualTo(new LoopDocument.ActionCounts(3, 1, 1, 1, 1));
        assertThat(document.lessonShares())
                .extracting(LoopDocument.LessonShare::sharedWithOrgUnit)
                .containsExactly("acme/hr");
    }

    @Test
    void anyArrivalOrderAcrossAggregatesGivesTheSameDocument() {
        LoopDocument inOrder = applyAll("d-1", loop);
        Random random = new Random(42);
        for (int round = 0; round < 50; round++) {
            List<EventEnvelope> interleaved = interleave(random);
            assertThat(applyAll("d-1", interleaved)).as("order %s", interleaved).isEqualTo(inOrder);
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
    void amendedStepsReplaceTheirOriginalsAndKeepWhatHappenedSince() {
        LoopDocument document = applyAll(
                "d-1",
                List.of(
                        envelope(decision("d-1", "acme/eng", DecisionCategory.PRODUCT, "2025-01-01T00:00:00Z"), 0),
                        envelope(outcome("d-1", "acme/eng", "2025-01-11T00:00:00Z"), 1),
                        envelope(actionAssigned("a-1", "r-1", "2025-01-12T00:00:00Z", "2025-02-01", "d-1"), 0),
                        envelope(actionCompleted("a-1", "2025-01-30T00:00:00Z", "d-1"), 1),
                        envelope(
                                amended(decision("d-1", "acme/eng", DecisionCategory.STRATEGY, "2025-01-03T00:00:00Z")),
                                2),
                        envelope(amended(outcome("d-1", "acme/eng", "2025-01-23T00:00:00Z")), 3),
                        envelope(
                                amended(actionAssigned("a-1", "r-1", "2025-01-12T00:00:00Z", "2025-02-05", "d-1")),
                                2)));

        assertThat(document.category()).isEqualTo(DecisionCategory.STRATEGY);
        assertThat(document.decidedAt()).hasToString("2025-01-03T00:00:00Z");
        assertThat(document.latency().decisionToOutcomeDays()).isEqualTo(20.0);
        assertThat(document.actions())
                .extracting(LoopDocument.ActionRef::dueDate, LoopDocument.ActionRef::status)
                .containsExactly(tuple(LocalDate.parse("2025-02-05"), ActionStatus.COMPLETED));
        assertThat(document.corrections())
                .extracting(LoopDocument.Correction::kind, LoopDocument.Correction::stepId)
                .containsExactlyInAnyOrder(
                        tuple(CorrectionKind.AMENDED, "d-1"),
                        tuple(CorrectionKind.AMENDED, "d-1"),
                        tuple(CorrectionKind.AMENDED, "a-1"));
    }

    @Test
    void anAmendmentReadBeforeAnOlderCopyOfItsStepIsNotUndoneByIt() {
        EventEnvelope original =
                envelope(decision("d-1", "acme/eng", DecisionCategory.PRODUCT, "2025-01-01T00:00:00Z"), 0);
        EventEnvelope amendment =
                envelope(amended(decision("d-1", "acme/eng", DecisionCategory.STRATEGY, "2025-01-03T00:00:00Z")), 1);

        LoopDocument redelivered = applyAll("d-1", List.of(original, amendment, original));

        assertThat(redelivered).isEqualTo(applyAll("d-1", List.of(original, amendment)));
        assertThat(redelivered.category()).isEqualTo(DecisionCategory.STRATEGY);
    }

    @Test
    void retractedChangeLessonAndOutcomeCountNoMoreAndAreNotAddedBackWhenReadAgain() {
        var change = behaviorChange("b-1", "acme/hr", "2025-03-01T00:00:00Z", "d-2", List.of("l-1"), List.of("d-1"));
        var lesson = lesson("l-1", "acme/eng", "2025-01-13T12:00:00Z", "d-1");
        var outcome = outcome("d-1", "acme/eng", "2025-01-11T00:00:00Z");
        List<EventEnvelope> corrected = new ArrayList<>(loop);
        corrected.add(envelope(retracted(change), 1));
        corrected.add(envelope(retracted(lesson), 2));
        corrected.add(envelope(retracted(outcome), 5));

        LoopDocument document = applyAll("d-1", corrected);
        LoopDocument changedDecision = applyAll("d-2", corrected);

        assertThat(document.stage()).isEqualTo(LoopStage.LESSON_LEARNED); // l-0 is left
        assertThat(document.lessons())
                .extracting(LoopDocument.LessonRef::lessonId)
                .containsExactly("l-0");
        assertThat(document.lessonShares()).isEmpty();
        assertThat(document.behaviorChanges()).isEmpty();
        assertThat(document.outcome()).isNull();
        assertThat(document.latency()).isEqualTo(new LoopDocument.Latency(null, null, null));
        assertThat(changedDecision.appliedLessonIds()).isEmpty();
        assertThat(changedDecision.appliedInBehaviorChangeIds()).isEmpty();

        List<EventEnvelope> readAgain = List.of(envelope(change, 0), envelope(lesson, 0), envelope(outcome, 4));
        assertThat(applyAll("d-1", readAgain, document)).isEqualTo(document);
        assertThat(applyAll("d-2", readAgain, changedDecision)).isEqualTo(changedDecision);
    }

    @Test
    void retractedDecisionKeepsItsDocumentMarkedRetracted() {
        var made = decision("d-1", "acme/eng", DecisionCategory.PRODUCT, "2025-01-01T00:00:00Z");
        LoopDocument document = applyAll("d-1", List.of(envelope(made, 0), envelope(retracted(made), 1)));

        assertThat(document.retracted()).isTrue();
        assertThat(document.stage()).isEqualTo(LoopStage.RETRACTED);
        assertThat(document.title()).isEqualTo(made.title());
    }

    @Test
    void aNewOutcomeAfterARetractedOneIsTheLoopsOutcome() {
        var wrong = outcome("d-1", "acme/eng", "2025-01-11T00:00:00Z");
        var real = new OutcomeObservedEvent(
                "e-real",
                "d-1",
                "acme/eng",
                Instant.parse("2025-01-21T00:00:00Z"),
                Instant.parse("2026-11-01T00:00:00Z"),
                "test-tool",
                "u-1",
                Assessment.FAILED,
                "It failed",
                ReportedBy.DECISION_OWNER);
        LoopDocument document = applyAll(
                "d-1",
                List.of(
                        envelope(decision("d-1", "acme/eng", DecisionCategory.PRODUCT, "2025-01-01T00:00:00Z"), 0),
                        envelope(wrong, 1),
                        envelope(retracted(wrong), 2),
                        envelope(real, 3)));

        assertThat(document.outcome().eventId()).isEqualTo("e-real");
        assertThat(document.latency().decisionToOutcomeDays()).isEqualTo(20.0);
    }

    /** A loop stored before reviews, actions and check-ins existed, as Elasticsearch returns it. */
    @Test
    void documentWrittenByAnOlderVersionIsUpgradedByTheNextEvent() throws Exception {
        LoopDocument old = EventJson.newMapper().readValue("""
                {"decisionId": "d-1", "orgUnit": "acme/eng", "orgUnitPath": ["acme", "acme/eng"],
                 "category": "product", "decidedAt": "2025-01-01T00:00:00Z", "decisionSequence": 0,
                 "lessons": [], "behaviorChanges": [], "stage": "decided", "lessonCount": 0,
                 "behaviorChangeCount": 0, "latency": {}}
                """, LoopDocument.class);

        LoopDocument upgraded =
                projection.apply("d-1", old, envelope(review("r-9", "acme/eng", "2025-02-01T00:00:00Z", "d-1"), 0));

        assertThat(upgraded.reviewCount()).isEqualTo(1);
        assertThat(upgraded.checkInCounts()).isEqualTo(new LoopDocument.CheckInCounts(0, 0, 0, 0));
        assertThat(upgraded.actions()).isEmpty();
    }

    /** Before appliedChanges, a loop kept only the ids: they survive the upgrade and a retraction. */
    @Test
    void appliedLessonsWrittenByAnOlderVersionAreKeptAndUndoneByARetraction() throws Exception {
        LoopDocument old = EventJson.newMapper().readValue("""
                {"decisionId": "d-2", "orgUnit": "acme/hr", "decidedAt": "2025-02-01T00:00:00Z",
                 "decisionSequence": 0, "appliedLessonIds": ["l-1"], "appliedInBehaviorChangeIds": ["b-1"],
                 "stage": "decided", "latency": {}}
                """, LoopDocument.class);

        LoopDocument upgraded =
                projection.apply("d-2", old, envelope(review("r-9", "acme/hr", "2025-02-10T00:00:00Z", "d-2"), 0));
        LoopDocument retracted = projection.apply(
                "d-2",
                upgraded,
                envelope(
                        retracted(behaviorChange(
                                "b-1", "acme/hr", "2025-03-01T00:00:00Z", "d-2", List.of("l-1"), List.of("d-1"))),
                        1));

        assertThat(upgraded.appliedLessonIds()).containsExactly("l-1");
        assertThat(upgraded.appliedInBehaviorChangeIds()).containsExactly("b-1");
        assertThat(retracted.appliedLessonIds()).isEmpty();
    }

    @Test
    void everyEventTypeOfTheContractIsHandled() {
        assertThat(loop)
                .extracting(EventEnvelope::type)
                .containsAll(EventTypes.ALL.stream().map(EventTypes::name).toList());
    }

    /**
     * A random order Kafka could deliver: events of one aggregate keep their order (one key, one
     * partition), events of different aggregates interleave freely.
     */
    private List<EventEnvelope> interleave(Random random) {
        Map<String, Deque<EventEnvelope>> byAggregate = new LinkedHashMap<>();
        for (EventEnvelope event : loop) {
            byAggregate
                    .computeIfAbsent(event.event().aggregateId(), id -> new ArrayDeque<>())
                    .add(event);
        }
        List<EventEnvelope> order = new ArrayList<>();
        List<Deque<EventEnvelope>> queues = new ArrayList<>(byAggregate.values());
        while (!queues.isEmpty()) {
            Deque<EventEnvelope> queue = queues.get(random.nextInt(queues.size()));
            order.add(queue.poll());
            if (queue.isEmpty()) {
                queues.remove(queue);
            }
        }
        return order;
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
