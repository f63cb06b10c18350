package io.learningloop.command.http;

import io.learningloop.command.commands.AmendActionCommand;
import io.learningloop.command.commands.AmendBehaviorChangeCommand;
import io.learningloop.command.commands.AmendDecisionCommand;
import io.learningloop.command.commands.AmendLessonCommand;
import io.learningloop.command.commands.AmendOutcomeCommand;
import io.learningloop.command.commands.AmendReviewCommand;
import io.learningloop.command.commands.AssignActionCommand;
import io.learningloop.command.commands.CompleteActionCommand;
import io.learningloop.command.commands.DropActionCommand;
import io.learningloop.command.commands.HoldCheckInCommand;
import io.learningloop.command.commands.HoldReviewCommand;
import io.learningloop.command.commands.MakeDecisionCommand;
import io.learningloop.command.commands.ObserveOutcomeCommand;
import io.learningloop.command.commands.Provenance;
import io.learningloop.command.commands.RecordBehaviorChangeCommand;
import io.learningloop.command.commands.RecordLessonCommand;
import io.learningloop.command.commands.RetractActionCommand;
import io.learningloop.command.commands.RetractBehaviorChangeCommand;
import io.learningloop.command.commands.RetractDecisionCommand;
import io.learningloop.command.commands.RetractLessonCommand;
import io.learningloop.command.commands.RetractOutcomeCommand;
import io.learningloop.command.commands.RetractReviewCommand;
import io.learningloop.command.commands.ShareLessonCommand;
import io.learningloop.command.commands.Stamp;
import io.learningloop.contract.LoopStep;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every kind of step the API accepts, each with its one mapping from request to command: a step of
 * the contract's vocabulary ({@link LoopStep}), or the amendment or retraction of one.
 */
final class StepKinds {

    static final StepKind<DecisionRequest> DECISION = StepKind.newStep(
            LoopStep.DECISION, DecisionRequest.class, DecisionRequest::decisionId, StepKinds::makeDecision);

    static final StepKind<OutcomeRequest> OUTCOME =
            StepKind.aboutExisting(LoopStep.OUTCOME, OutcomeRequest.class, StepKinds::observeOutcome);

    static final StepKind<CheckInRequest> CHECK_IN = StepKind.aboutExisting(
            LoopStep.CHECK_IN,
            CheckInRequest.class,
            (decisionId, request, provenance, stamp) -> new HoldCheckInCommand(
                    decisionId,
                    stamp,
                    provenance,
                    request.scheduledFor(),
                    request.indicatorReadings(),
                    request.onTrack()));

    static final StepKind<LessonRequest> LESSON =
            StepKind.newStep(LoopStep.LESSON, LessonRequest.class, LessonRequest::lessonId, StepKinds::recordLesson);

    static final StepKind<BehaviorChangeRequest> BEHAVIOR_CHANGE = StepKind.newStep(
            LoopStep.BEHAVIOR_CHANGE,
            BehaviorChangeRequest.class,
            BehaviorChangeRequest::behaviorChangeId,
            StepKinds::recordBehaviorChange);

    static final StepKind<ReviewRequest> REVIEW =
            StepKind.newStep(LoopStep.REVIEW, ReviewRequest.class, ReviewRequest::reviewId, StepKinds::holdReview);

    static final StepKind<ActionRequest> ACTION =
            StepKind.newStep(LoopStep.ACTION, ActionRequest.class, ActionRequest::actionId, StepKinds::assignAction);

    static final StepKind<ActionCompletionRequest> ACTION_COMPLETION = StepKind.aboutExisting(
            LoopStep.ACTION_COMPLETION,
            ActionCompletionRequest.class,
            (actionId, request, provenance, stamp) ->
                    new CompleteActionCommand(actionId, stamp, provenance, request.note()));

    static final StepKind<ActionDropRequest> ACTION_DROP = StepKind.aboutExisting(
            LoopStep.ACTION_DROP,
            ActionDropRequest.class,
            (actionId, request, provenance, stamp) ->
                    new DropActionCommand(actionId, stamp, provenance, request.reason()));

    static final StepKind<LessonShareRequest> LESSON_SHARE = StepKind.aboutExisting(
            LoopStep.LESSON_SHARE,
            LessonShareRequest.class,
            (lessonId, request, provenance, stamp) ->
                    new ShareLessonCommand(lessonId, stamp, provenance, request.sharedWithOrgUnit()));

    // Corrections: each correctable step can be amended (the step as it should have been) or retracted.

    static final StepKind<AmendmentRequest<DecisionRequest>> DECISION_AMENDMENT = StepKind.amendmentOf(
            DECISION,
            (id, by, correction, provenance, stamp) ->
                    new AmendDecisionCommand(id, by, makeDecision(id, correction, provenance, stamp)));

    static final StepKind<RetractionRequest> DECISION_RETRACTION =
            StepKind.retractionOf(LoopStep.DECISION, RetractDecisionCommand::new);

    static final StepKind<AmendmentRequest<OutcomeRequest>> OUTCOME_AMENDMENT = StepKind.amendmentOf(
            OUTCOME,
            (id, by, correction, provenance, stamp) ->
                    new AmendOutcomeCommand(id, by, observeOutcome(id, correction, provenance, stamp)));

    static final StepKind<RetractionRequest> OUTCOME_RETRACTION =
            StepKind.retractionOf(LoopStep.OUTCOME, RetractOutcomeCommand::new);

    static final StepKind<AmendmentRequest<LessonRequest>> LESSON_AMENDMENT = StepKind.amendmentOf(
            LESSON,
            (id, by, correction, provenance, stamp) ->
                    new AmendLessonCommand(id, by, recordLesson(id, correction, provenance, stamp)));

    static final StepKind<RetractionRequest> LESSON_RETRACTION =
            StepKind.retractionOf(LoopStep.LESSON, RetractLessonCommand::new);

    static final StepKind<AmendmentRequest<ReviewRequest>> REVIEW_AMENDMENT = StepKind.amendmentOf(
            REVIEW,
            (id, by, correction, provenance, stamp) ->
                    new AmendReviewCommand(id, by, holdReview(id, correction, provenance, stamp)));

    static final StepKind<RetractionRequest> REVIEW_RETRACTION =
            StepKind.retractionOf(LoopStep.REVIEW, RetractReviewCommand::new);

    static final StepKind<AmendmentRequest<ActionRequest>> ACTION_AMENDMENT = StepKind.amendmentOf(
            ACTION,
            (id, by, correction, provenance, stamp) ->
                    new AmendActionCommand(id, by, assignAction(id, correction, provenance, stamp)));

    static final StepKind<RetractionRequest> ACTION_RETRACTION =
            StepKind.retractionOf(LoopStep.ACTION, RetractActionCommand::new);

    static final StepKind<AmendmentRequest<BehaviorChangeRequest>> BEHAVIOR_CHANGE_AMENDMENT = StepKind.amendmentOf(
            BEHAVIOR_CHANGE,
            (id, by, correction, provenance, stamp) ->
                    new AmendBehaviorChangeCommand(id, by, recordBehaviorChange(id, correction, provenance, stamp)));

    static final StepKind<RetractionRequest> BEHAVIOR_CHANGE_RETRACTION =
            StepKind.retractionOf(LoopStep.BEHAVIOR_CHANGE, RetractBehaviorChangeCommand::new);

    /** In the order of a loop; the bulk import finds a line's kind here by its {@code step}. */
    static final List<StepKind<?>> ALL = List.of(
            DECISION,
            CHECK_IN,
            OUTCOME,
            REVIEW,
            ACTION,
            ACTION_COMPLETION,
            ACTION_DROP,
            LESSON,
            LESSON_SHARE,
            BEHAVIOR_CHANGE,
            DECISION_AMENDMENT,
            DECISION_RETRACTION,
            OUTCOME_AMENDMENT,
            OUTCOME_RETRACTION,
            REVIEW_AMENDMENT,
            REVIEW_RETRACTION,
            ACTION_AMENDMENT,
            ACTION_RETRACTION,
            LESSON_AMENDMENT,
            LESSON_RETRACTION,
            BEHAVIOR_CHANGE_AMENDMENT,
            BEHAVIOR_CHANGE_RETRACTION);

    private static final Map<String, StepKind<?>> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(StepKind::name, Function.identity()));

    private StepKinds() {}

    static Optional<StepKind<?>> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    static List<String> names() {
        return ALL.stream().map(StepKind::name).toList();
    }

    // The one mapping of each correctable step from request to command, for the step and its amendment.

    private static MakeDecisionCommand makeDecision(
            String id, DecisionRequest request, Provenance provenance, Stamp stamp) {
        return new MakeDecisionCommand(
                id,
                stamp,
                provenance,
                request.title(),
                request.category(),
                request.expectedOutcome(),
                request.confidence(),
                request.reviewBy(),
                request.informedByLessonIds(),
                request.checkInDates(),
                request.leadingIndicators(),
                request.uncertainties());
    }

    private static ObserveOutcomeCommand observeOutcome(
            String decisionId, OutcomeRequest request, Provenance provenance, Stamp stamp) {
        return new ObserveOutcomeCommand(
                decisionId, stamp, provenance, request.assessment(), request.summary(), request.reportedByOrUnknown());
    }

    private static RecordLessonCommand recordLesson(
            String id, LessonRequest request, Provenance provenance, Stamp stamp) {
        return new RecordLessonCommand(
                id,
                stamp,
                provenance,
                request.decisionIdsOrNone(),
                request.lesson(),
                request.thinkingChange(),
                request.reviewIdsOrNone(),
                request.themesOrNone(),
                request.extractionPracticeOrUnknown());
    }

    private static RecordBehaviorChangeCommand recordBehaviorChange(
            String id, BehaviorChangeRequest request, Provenance provenance, Stamp stamp) {
        return new RecordBehaviorChangeCommand(
                id, stamp, provenance, request.lessonIds(), request.decisionId(), request.description());
    }

    private static HoldReviewCommand holdReview(String id, ReviewRequest request, Provenance provenance, Stamp stamp) {
        return new HoldReviewCommand(
                id,
                stamp,
                provenance,
                request.decisionIds(),
                request.kind(),
                request.causes(),
                request.facilitated(),
                request.blameless(),
                request.participantCount());
    }

    private static AssignActionCommand assignAction(
            String id, ActionRequest request, Provenance provenance, Stamp stamp) {
        return new AssignActionCommand(
                id, stamp, provenance, request.reviewId(), request.owner(), request.dueDate(), request.what());
    }
}
