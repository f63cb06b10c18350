package io.learningloop.command.http;

import io.learningloop.command.commands.AssignActionCommand;
import io.learningloop.command.commands.CompleteActionCommand;
import io.learningloop.command.commands.DropActionCommand;
import io.learningloop.command.commands.HoldCheckInCommand;
import io.learningloop.command.commands.HoldReviewCommand;
import io.learningloop.command.commands.MakeDecisionCommand;
import io.learningloop.command.commands.ObserveOutcomeCommand;
import io.learningloop.command.commands.RecordBehaviorChangeCommand;
import io.learningloop.command.commands.RecordLessonCommand;
import io.learningloop.command.commands.ShareLessonCommand;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every kind of step the API accepts, each with its one mapping from request to command. */
final class StepKinds {

    static final StepKind<DecisionRequest> DECISION = StepKind.newStep("decision", DecisionRequest.class,
            "decisionId", DecisionRequest::decisionId,
            (id, request, provenance, stamp) -> new MakeDecisionCommand(id, stamp, provenance, request.title(),
                    request.category(), request.expectedOutcome(), request.confidence(), request.reviewBy(),
                    request.informedByLessonIds(), request.checkInDates(), request.leadingIndicators(),
                    request.uncertainties()));

    static final StepKind<OutcomeRequest> OUTCOME = StepKind.aboutExisting("outcome", OutcomeRequest.class,
            "decisionId", "decision",
            (decisionId, request, provenance, stamp) -> new ObserveOutcomeCommand(decisionId, stamp, provenance,
                    request.assessment(), request.summary(), request.reportedByOrUnknown()));

    static final StepKind<CheckInRequest> CHECK_IN = StepKind.aboutExisting("check-in", CheckInRequest.class,
            "decisionId", "decision",
            (decisionId, request, provenance, stamp) -> new HoldCheckInCommand(decisionId, stamp, provenance,
                    request.scheduledFor(), request.indicatorReadings(), request.onTrack()));

    static final StepKind<LessonRequest> LESSON = StepKind.newStep("lesson", LessonRequest.class,
            "lessonId", LessonRequest::lessonId,
            (id, request, provenance, stamp) -> new RecordLessonCommand(id, stamp, provenance,
                    request.decisionIdsOrNone(), request.lesson(), request.thinkingChange(), request.reviewIdsOrNone(),
                    request.themesOrNone(), request.extractionPracticeOrUnknown()));

    static final StepKind<BehaviorChangeRequest> BEHAVIOR_CHANGE = StepKind.newStep("behavior-change",
            BehaviorChangeRequest.class, "behaviorChangeId", BehaviorChangeRequest::behaviorChangeId,
            (id, request, provenance, stamp) -> new RecordBehaviorChangeCommand(id, stamp, provenance,
                    request.lessonIds(), request.decisionId(), request.description()));

    static final StepKind<ReviewRequest> REVIEW = StepKind.newStep("review", ReviewRequest.class,
            "reviewId", ReviewRequest::reviewId,
            (id, request, provenance, stamp) -> new HoldReviewCommand(id, stamp, provenance, request.decisionIds(),
                    request.kind(), request.causes(), request.facilitated(), request.blameless(),
                    request.participantCount()));

    static final StepKind<ActionRequest> ACTION = StepKind.newStep("action", ActionRequest.class,
            "actionId", ActionRequest::actionId,
            (id, request, provenance, stamp) -> new AssignActionCommand(id, stamp, provenance, request.reviewId(),
                    request.owner(), request.dueDate(), request.what()));

    static final StepKind<ActionCompletionRequest> ACTION_COMPLETION = StepKind.aboutExisting("action-completion",
            ActionCompletionRequest.class, "actionId", "action",
            (actionId, request, provenance, stamp) -> new CompleteActionCommand(actionId, stamp, provenance,
                    request.note()));

    static final StepKind<ActionDropRequest> ACTION_DROP = StepKind.aboutExisting("action-drop",
            ActionDropRequest.class, "actionId", "action",
            (actionId, request, provenance, stamp) -> new DropActionCommand(actionId, stamp, provenance,
                    request.reason()));

    static final StepKind<LessonShareRequest> LESSON_SHARE = StepKind.aboutExisting("lesson-share",
            LessonShareRequest.class, "lessonId", "lesson",
            (lessonId, request, provenance, stamp) -> new ShareLessonCommand(lessonId, stamp, provenance,
                    request.sharedWithOrgUnit()));

    /** In the order of a loop; the bulk import finds a line's kind here by its {@code step}. */
    static final List<StepKind<?>> ALL = List.of(DECISION, CHECK_IN, OUTCOME, REVIEW, ACTION, ACTION_COMPLETION, ACTION_DROP,
            LESSON, LESSON_SHARE, BEHAVIOR_CHANGE);

    private static final Map<String, StepKind<?>> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(StepKind::name, Function.identity()));

    private StepKinds() {
    }

    static Optional<StepKind<?>> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    static List<String> names() {
        return ALL.stream().map(StepKind::name).toList();
    }
}
