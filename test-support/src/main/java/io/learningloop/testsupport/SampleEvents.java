package io.learningloop.testsupport;

import io.learningloop.contract.EventTypes;
import io.learningloop.contract.events.ActionAssignedEvent;
import io.learningloop.contract.events.ActionCompletedEvent;
import io.learningloop.contract.events.ActionDroppedEvent;
import io.learningloop.contract.events.ActionOverdueEvent;
import io.learningloop.contract.events.Assessment;
import io.learningloop.contract.events.BehaviorChangedEvent;
import io.learningloop.contract.events.CheckInHeldEvent;
import io.learningloop.contract.events.CheckInMissedEvent;
import io.learningloop.contract.events.DecisionCategory;
import io.learningloop.contract.events.DecisionMadeEvent;
import io.learningloop.contract.events.ExtractionPractice;
import io.learningloop.contract.events.IndicatorReading;
import io.learningloop.contract.events.LessonRecordedEvent;
import io.learningloop.contract.events.LessonSharedEvent;
import io.learningloop.contract.events.LoopEvent;
import io.learningloop.contract.events.OutcomeObservedEvent;
import io.learningloop.contract.events.ReportedBy;
import io.learningloop.contract.events.ReviewHeldEvent;
import io.learningloop.contract.events.ReviewKind;
import io.learningloop.contract.events.RootCause;
import io.learningloop.contract.events.StepAmendedEvent;
import io.learningloop.contract.events.StepRetractedEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/** Events as the command service would publish them, with only what a test varies as parameters. */
public final class SampleEvents {

    private static final Instant RECORDED = Instant.parse("2026-11-01T00:00:00Z");

    private SampleEvents() {}

    public static DecisionMadeEvent decision(
            String id, String orgUnit, DecisionCategory category, String at, String... informedBy) {
        return new DecisionMadeEvent(
                "e-" + id,
                id,
                orgUnit,
                Instant.parse(at),
                RECORDED,
                "test-tool",
                "u-1",
                "Decision " + id,
                category,
                "It works",
                0.8,
                LocalDate.parse(at.substring(0, 10)).plusMonths(3),
                List.of(informedBy),
                List.of(),
                List.of(),
                List.of());
    }

    /** A decision planning check-ins on the given dates, reading one indicator, stating one uncertainty. */
    public static DecisionMadeEvent decisionWithCheckIns(String id, String orgUnit, String at, String... checkInDates) {
        return new DecisionMadeEvent(
                "e-" + id,
                id,
                orgUnit,
                Instant.parse(at),
                RECORDED,
                "test-tool",
                "u-1",
                "Decision " + id,
                DecisionCategory.OPERATIONS,
                "It works",
                0.8,
                LocalDate.parse(at.substring(0, 10)).plusMonths(3),
                List.of(),
                Arrays.stream(checkInDates).map(LocalDate::parse).toList(),
                List.of("errors-per-day"),
                List.of("whether it scales"));
    }

    public static CheckInHeldEvent checkInHeld(String decisionId, String orgUnit, String at, String scheduledFor) {
        return new CheckInHeldEvent(
                "e-check-in-" + decisionId + "-" + scheduledFor,
                decisionId,
                orgUnit,
                Instant.parse(at),
                RECORDED,
                "test-tool",
                "u-1",
                LocalDate.parse(scheduledFor),
                List.of(new IndicatorReading("errors-per-day", "12", "")),
                true);
    }

    public static CheckInMissedEvent checkInMissed(String decisionId, String orgUnit, String scheduledFor) {
        Instant missedAt = LocalDate.parse(scheduledFor)
                .plusDays(4)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        return new CheckInMissedEvent(
                decisionId + ":check-in:" + scheduledFor,
                decisionId,
                orgUnit,
                missedAt,
                missedAt,
                "learning-loop",
                "learning-loop",
                LocalDate.parse(scheduledFor));
    }

    public static OutcomeObservedEvent outcome(String decisionId, String orgUnit, String at) {
        return new OutcomeObservedEvent(
                "e-outcome-" + decisionId,
                decisionId,
                orgUnit,
                Instant.parse(at),
                RECORDED,
                "test-tool",
                "u-1",
                Assessment.WORSE_THAN_EXPECTED,
                "It did not",
                ReportedBy.OTHERS);
    }

    public static LessonRecordedEvent lesson(String id, String orgUnit, String at, String... decisionIds) {
        return new LessonRecordedEvent(
                "e-" + id,
                id,
                orgUnit,
                Instant.parse(at),
                RECORDED,
                "test-tool",
                "u-1",
                List.of(decisionIds),
                "Lesson " + id,
                "We think differently",
                List.of(),
                List.of("ownership"),
                ExtractionPractice.STORYTELLING);
    }

    public static ReviewHeldEvent review(String id, String orgUnit, String at, String... decisionIds) {
        return new ReviewHeldEvent(
                "e-" + id,
                id,
                orgUnit,
                Instant.parse(at),
                RECORDED,
                "test-tool",
                "u-1",
                List.of(decisionIds),
                ReviewKind.POST_MORTEM,
                List.of(
                        new RootCause("ownership", "Nobody owned it"),
                        new RootCause("assumptions", "We assumed it scales")),
                true,
                true,
                6);
    }

    public static ActionAssignedEvent actionAssigned(
            String id, String reviewId, String at, String dueDate, String... decisionIds) {
        return new ActionAssignedEvent(
                "e-" + id,
                id,
                "acme/eng",
                Instant.parse(at),
                RECORDED,
                "test-tool",
                "u-1",
                reviewId,
                List.of(decisionIds),
                "u-owner",
                LocalDate.parse(dueDate),
                "Do it");
    }

    public static ActionCompletedEvent actionCompleted(String id, String at, String... decisionIds) {
        return new ActionCompletedEvent(
                "e-done-" + id,
                id,
                "acme/eng",
                Instant.parse(at),
                RECORDED,
                "test-tool",
                "u-owner",
                List.of(decisionIds),
                "Done");
    }

    public static ActionDroppedEvent actionDropped(String id, String at, String... decisionIds) {
        return new ActionDroppedEvent(
                "e-drop-" + id,
                id,
                "acme/eng",
                Instant.parse(at),
                RECORDED,
                "test-tool",
                "u-owner",
                List.of(decisionIds),
                "Superseded");
    }

    public static ActionOverdueEvent actionOverdue(String id, String dueDate, String... decisionIds) {
        LocalDate due = LocalDate.parse(dueDate);
        Instant dueEnd = due.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return new ActionOverdueEvent(
                id + ":overdue",
                id,
                "acme/eng",
                dueEnd,
                dueEnd,
                LoopEvent.PLATFORM,
                LoopEvent.PLATFORM,
                List.of(decisionIds),
                due);
    }

    public static LessonSharedEvent lessonShared(
            String lessonId, String orgUnit, String at, String withUnit, String... decisionIds) {
        return new LessonSharedEvent(
                "e-share-" + lessonId + "-" + withUnit,
                lessonId,
                orgUnit,
                Instant.parse(at),
                RECORDED,
                "test-tool",
                "u-1",
                List.of(decisionIds),
                withUnit);
    }

    /** {@code lessonDecisionIds}: what the command side resolves from the lessons. */
    public static BehaviorChangedEvent behaviorChange(
            String id,
            String orgUnit,
            String at,
            String decisionId,
            List<String> lessonIds,
            List<String> lessonDecisionIds) {
        return new BehaviorChangedEvent(
                "e-" + id,
                id,
                orgUnit,
                Instant.parse(at),
                RECORDED,
                "test-tool",
                "u-1",
                lessonIds,
                decisionId,
                lessonDecisionIds,
                "Made differently");
    }

    /** {@code correction} as it should have been recorded: give it the original's event id. */
    public static StepAmendedEvent amended(LoopEvent correction) {
        return new StepAmendedEvent(
                "e-amend-" + correction.aggregateId() + "-" + correction.occurredAt(),
                correction.aggregateId(),
                correction.orgUnit(),
                RECORDED,
                RECORDED,
                "fix-tool",
                "u-2",
                "Typo",
                EventTypes.revision(correction.getClass()),
                correction);
    }

    public static StepRetractedEvent retracted(LoopEvent step) {
        return new StepRetractedEvent(
                "e-retract-" + step.eventId(),
                step.aggregateId(),
                step.orgUnit(),
                RECORDED,
                RECORDED,
                "fix-tool",
                "u-2",
                "Posted by mistake",
                step.eventId(),
                EventTypes.name(step.getClass()),
                step.decisionsConcerned(),
                step.lessonsConcerned());
    }
}
