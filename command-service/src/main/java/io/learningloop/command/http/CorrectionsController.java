package io.learningloop.command.http;

import io.learningloop.command.commands.StepAccepted;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Corrections of steps already posted. Events are immutable, so an amendment ({@code …/amendment}:
 * the step as it should have been recorded) and a retraction ({@code …/retraction}: the step should
 * never have been posted) are steps of their own, which every projection and metric honours. Both
 * answer 201, or 200 with {@code alreadyRecorded} when the step already reads so or was retracted
 * before. The rules are the domain's ({@code Corrections}).
 */
@RestController
@Validated
@Tag(name = "corrections", description = "Amend or retract a step posted wrongly")
class CorrectionsController {

    private static final String AMEND = "The body's `correction` is the whole step as it should have been"
            + " recorded, validated like the step itself. Its references (the decisions, lessons or review it"
            + " names) cannot change: retract the step and post it anew instead.";
    private static final String RETRACT = "The step stays in the log but counts nowhere any more; its id is not"
            + " reused. Refused (409) while other live steps build on it.";

    private final StepSender steps;

    CorrectionsController(StepSender steps) {
        this.steps = steps;
    }

    @PostMapping("/decisions/{decisionId}/amendment")
    @Operation(summary = "Amend a decision", description = AMEND + " Its planned check-ins and leading indicators"
            + " stay as they are, and it cannot move after its outcome, check-ins or the steps that cite it.")
    @ApiDocs.StepAnswers
    @ApiResponse(responseCode = "201", description = "Amended",
            content = @Content(schema = @Schema(implementation = ApiDocs.DecisionAnswer.class)))
    ResponseEntity<Map<String, Object>> amendDecision(@PathVariable @Pattern(regexp = StepRules.ID,
            message = StepRules.ID_MESSAGE) String decisionId,
            @Valid @RequestBody AmendmentRequest<DecisionRequest> request) {
        return answer(StepKinds.DECISION_AMENDMENT, steps.send(StepKinds.DECISION_AMENDMENT, request, decisionId));
    }

    @PostMapping("/decisions/{decisionId}/retraction")
    @Operation(summary = "Retract a decision, with its outcome and check-ins", description = RETRACT)
    @ApiDocs.StepAnswers
    @ApiResponse(responseCode = "201", description = "Retracted",
            content = @Content(schema = @Schema(implementation = ApiDocs.DecisionAnswer.class)))
    ResponseEntity<Map<String, Object>> retractDecision(@PathVariable @Pattern(regexp = StepRules.ID,
            message = StepRules.ID_MESSAGE) String decisionId, @Valid @RequestBody RetractionRequest request) {
        return answer(StepKinds.DECISION_RETRACTION, steps.send(StepKinds.DECISION_RETRACTION, request, decisionId));
    }

    @PostMapping("/decisions/{decisionId}/outcome/amendment")
    @Operation(summary = "Amend the observed outcome of a decision", description = AMEND)
    @ApiDocs.StepAnswers
    @ApiResponse(responseCode = "201", description = "Amended",
            content = @Content(schema = @Schema(implementation = ApiDocs.DecisionAnswer.class)))
    ResponseEntity<Map<String, Object>> amendOutcome(@PathVariable @Pattern(regexp = StepRules.ID,
            message = StepRules.ID_MESSAGE) String decisionId,
            @Valid @RequestBody AmendmentRequest<OutcomeRequest> request) {
        return answer(StepKinds.OUTCOME_AMENDMENT, steps.send(StepKinds.OUTCOME_AMENDMENT, request, decisionId));
    }

    @PostMapping("/decisions/{decisionId}/outcome/retraction")
    @Operation(summary = "Retract the observed outcome of a decision", description = "The decision has no outcome"
            + " again and may get the real one; posting the retracted outcome again is refused.")
    @ApiDocs.StepAnswers
    @ApiResponse(responseCode = "201", description = "Retracted",
            content = @Content(schema = @Schema(implementation = ApiDocs.DecisionAnswer.class)))
    ResponseEntity<Map<String, Object>> retractOutcome(@PathVariable @Pattern(regexp = StepRules.ID,
            message = StepRules.ID_MESSAGE) String decisionId, @Valid @RequestBody RetractionRequest request) {
        return answer(StepKinds.OUTCOME_RETRACTION, steps.send(StepKinds.OUTCOME_RETRACTION, request, decisionId));
    }

    @PostMapping("/lessons/{lessonId}/amendment")
    @Operation(summary = "Amend a lesson", description = AMEND)
    @ApiDocs.StepAnswers
    @ApiResponse(responseCode = "201", description = "Amended",
            content = @Content(schema = @Schema(implementation = ApiDocs.LessonAnswer.class)))
    ResponseEntity<Map<String, Object>> amendLesson(@PathVariable @Pattern(regexp = StepRules.ID,
            message = StepRules.ID_MESSAGE) String lessonId,
            @Valid @RequestBody AmendmentRequest<LessonRequest> request) {
        return answer(StepKinds.LESSON_AMENDMENT, steps.send(StepKinds.LESSON_AMENDMENT, request, lessonId));
    }

    @PostMapping("/lessons/{lessonId}/retraction")
    @Operation(summary = "Retract a lesson, with its sharing", description = RETRACT)
    @ApiDocs.StepAnswers
    @ApiResponse(responseCode = "201", description = "Retracted",
            content = @Content(schema = @Schema(implementation = ApiDocs.LessonAnswer.class)))
    ResponseEntity<Map<String, Object>> retractLesson(@PathVariable @Pattern(regexp = StepRules.ID,
            message = StepRules.ID_MESSAGE) String lessonId, @Valid @RequestBody RetractionRequest request) {
        return answer(StepKinds.LESSON_RETRACTION, steps.send(StepKinds.LESSON_RETRACTION, request, lessonId));
    }

    @PostMapping("/reviews/{reviewId}/amendment")
    @Operation(summary = "Amend a review", description = AMEND)
    @ApiDocs.StepAnswers
    @ApiResponse(responseCode = "201", description = "Amended",
            content = @Content(schema = @Schema(implementation = ApiDocs.ReviewAnswer.class)))
    ResponseEntity<Map<String, Object>> amendReview(@PathVariable @Pattern(regexp = StepRules.ID,
            message = StepRules.ID_MESSAGE) String reviewId,
            @Valid @RequestBody AmendmentRequest<ReviewRequest> request) {
        return answer(StepKinds.REVIEW_AMENDMENT, steps.send(StepKinds.REVIEW_AMENDMENT, request, reviewId));
    }

    @PostMapping("/reviews/{reviewId}/retraction")
    @Operation(summary = "Retract a review", description = RETRACT)
    @ApiDocs.StepAnswers
    @ApiResponse(responseCode = "201", description = "Retracted",
            content = @Content(schema = @Schema(implementation = ApiDocs.ReviewAnswer.class)))
    ResponseEntity<Map<String, Object>> retractReview(@PathVariable @Pattern(regexp = StepRules.ID,
            message = StepRules.ID_MESSAGE) String reviewId, @Valid @RequestBody RetractionRequest request) {
        return answer(StepKinds.REVIEW_RETRACTION, steps.send(StepKinds.REVIEW_RETRACTION, request, reviewId));
    }

    @PostMapping("/actions/{actionId}/amendment")
    @Operation(summary = "Amend an action", description = AMEND + " A new due date is awaited instead of the old"
            + " one while the action is open and not overdue; after that, the due date stays.")
    @ApiDocs.StepAnswers
    @ApiResponse(responseCode = "201", description = "Amended",
            content = @Content(schema = @Schema(implementation = ApiDocs.ActionAnswer.class)))
    ResponseEntity<Map<String, Object>> amendAction(@PathVariable @Pattern(regexp = StepRules.ID,
            message = StepRules.ID_MESSAGE) String actionId,
            @Valid @RequestBody AmendmentRequest<ActionRequest> request) {
        return answer(StepKinds.ACTION_AMENDMENT, steps.send(StepKinds.ACTION_AMENDMENT, request, actionId));
    }

    @PostMapping("/actions/{actionId}/retraction")
    @Operation(summary = "Retract an action, with its completion, drop or overdue record", description = RETRACT)
    @ApiDocs.StepAnswers
    @ApiResponse(responseCode = "201", description = "Retracted",
            content = @Content(schema = @Schema(implementation = ApiDocs.ActionAnswer.class)))
    ResponseEntity<Map<String, Object>> retractAction(@PathVariable @Pattern(regexp = StepRules.ID,
            message = StepRules.ID_MESSAGE) String actionId, @Valid @RequestBody RetractionRequest request) {
        return answer(StepKinds.ACTION_RETRACTION, steps.send(StepKinds.ACTION_RETRACTION, request, actionId));
    }

    @PostMapping("/behavior-changes/{behaviorChangeId}/amendment")
    @Operation(summary = "Amend a behaviour change", description = AMEND)
    @ApiDocs.StepAnswers
    @ApiResponse(responseCode = "201", description = "Amended",
            content = @Content(schema = @Schema(implementation = ApiDocs.BehaviorChangeAnswer.class)))
    ResponseEntity<Map<String, Object>> amendBehaviorChange(@PathVariable @Pattern(regexp = StepRules.ID,
            message = StepRules.ID_MESSAGE) String behaviorChangeId,
            @Valid @RequestBody AmendmentRequest<BehaviorChangeRequest> request) {
        return answer(StepKinds.BEHAVIOR_CHANGE_AMENDMENT,
                steps.send(StepKinds.BEHAVIOR_CHANGE_AMENDMENT, request, behaviorChangeId));
    }

    @PostMapping("/behavior-changes/{behaviorChangeId}/retraction")
    @Operation(summary = "Retract a behaviour change", description = "Its lessons count as unconverted again,"
            + " unless another behaviour change cites them.")
    @ApiDocs.StepAnswers
    @ApiResponse(responseCode = "201", description = "Retracted",
            content = @Content(schema = @Schema(implementation = ApiDocs.BehaviorChangeAnswer.class)))
    ResponseEntity<Map<String, Object>> retractBehaviorChange(@PathVariable @Pattern(regexp = StepRules.ID,
            message = StepRules.ID_MESSAGE) String behaviorChangeId, @Valid @RequestBody RetractionRequest request) {
        return answer(StepKinds.BEHAVIOR_CHANGE_RETRACTION,
                steps.send(StepKinds.BEHAVIOR_CHANGE_RETRACTION, request, behaviorChangeId));
    }

    private static ResponseEntity<Map<String, Object>> answer(StepKind<?> kind, StepAccepted accepted) {
        return ResponseEntity.status(accepted.alreadyRecorded() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(kind.answer(accepted));
    }
}
