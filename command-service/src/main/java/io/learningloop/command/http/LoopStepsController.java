package io.learningloop.command.http;

import io.learningloop.command.commands.StepAccepted;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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
 * One POST per step of a loop. A new step answers 201 with its ids; the very same step posted again
 * (a retry) answers 200 with the original ids and stores nothing. How a request becomes its command
 * is each kind's business ({@link StepKinds}); the bulk import uses the same.
 */
@RestController
@Validated
@Tag(name = "steps", description = "Post the steps of a loop one at a time")
class LoopStepsController {

    private final StepSender steps;

    LoopStepsController(StepSender steps) {
        this.steps = steps;
    }

    @PostMapping("/decisions")
    @Operation(summary = "Record a decision", description = "The first step of a loop. `informedByLessonIds` "
            + "names earlier lessons that shaped it (those make a later behaviour change possible).")
    @ApiDocs.StepAnswers
    @ApiResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = ApiDocs.DecisionAnswer.class)))
    @ApiResponse(responseCode = "200", description = "The same decision was recorded before; nothing stored",
            content = @Content(schema = @Schema(implementation = ApiDocs.DecisionAnswer.class)))
    ResponseEntity<Map<String, Object>> makeDecision(@Valid @RequestBody DecisionRequest request) {
        return answer(StepKinds.DECISION, steps.send(StepKinds.DECISION, request, null));
    }

    @PostMapping("/decisions/{decisionId}/outcome")
    @Operation(summary = "Record the observed outcome of a decision",
            description = "One outcome per decision; it cannot precede the decision. `orgUnit` defaults to"
                    + " the decision's.")
    @ApiDocs.StepAnswers
    @ApiResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = ApiDocs.DecisionAnswer.class)))
    @ApiResponse(responseCode = "200", description = "The same outcome was recorded before; nothing stored",
            content = @Content(schema = @Schema(implementation = ApiDocs.DecisionAnswer.class)))
    ResponseEntity<Map<String, Object>> observeOutcome(
            @Parameter(description = "the decision whose outcome this is")
            @PathVariable @Pattern(regexp = StepRules.ID, message = StepRules.ID_MESSAGE) String decisionId,
            @Valid @RequestBody OutcomeRequest request) {
        return answer(StepKinds.OUTCOME, steps.send(StepKinds.OUTCOME, request, decisionId));
    }

    @PostMapping("/lessons")
    @Operation(summary = "Record a lesson", description = "Drawn from one or more existing decisions; it"
            + " cannot be dated before any of them.")
    @ApiDocs.StepAnswers
    @ApiResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = ApiDocs.LessonAnswer.class)))
    @ApiResponse(responseCode = "200", description = "The same lesson was recorded before; nothing stored",
            content = @Content(schema = @Schema(implementation = ApiDocs.LessonAnswer.class)))
    ResponseEntity<Map<String, Object>> recordLesson(@Valid @RequestBody LessonRequest request) {
        return answer(StepKinds.LESSON, steps.send(StepKinds.LESSON, request, null));
    }

    @PostMapping("/behavior-changes")
    @Operation(summary = "Record a behaviour change", description = "A decision (`decisionId`) made"
            + " differently because of earlier lessons (`lessonIds`); the decision must come after all of them.")
    @ApiDocs.StepAnswers
    @ApiResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = ApiDocs.BehaviorChangeAnswer.class)))
    @ApiResponse(responseCode = "200", description = "The same behaviour change was recorded before; nothing stored",
            content = @Content(schema = @Schema(implementation = ApiDocs.BehaviorChangeAnswer.class)))
    ResponseEntity<Map<String, Object>> recordBehaviorChange(@Valid @RequestBody BehaviorChangeRequest request) {
        return answer(StepKinds.BEHAVIOR_CHANGE, steps.send(StepKinds.BEHAVIOR_CHANGE, request, null));
    }

    @PostMapping("/decisions/{decisionId}/check-ins")
    @Operation(summary = "Record a held check-in of a decision", description = "For one of its planned"
            + " check-in dates, with readings of its leading indicators and whether it is on track. A planned"
            + " check-in not held in time is recorded missed by the platform itself.")
    @ApiDocs.StepAnswers
    @ApiResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = ApiDocs.DecisionAnswer.class)))
    ResponseEntity<Map<String, Object>> holdCheckIn(
            @PathVariable @Pattern(regexp = StepRules.ID, message = StepRules.ID_MESSAGE) String decisionId,
            @Valid @RequestBody CheckInRequest request) {
        return answer(StepKinds.CHECK_IN, steps.send(StepKinds.CHECK_IN, request, decisionId));
    }

    @PostMapping("/reviews")
    @Operation(summary = "Record a review", description = "A post-mortem, after-action review or retrospective"
            + " of existing decisions: root causes by theme, facilitated or not, blameless or not, how many"
            + " took part (never who).")
    @ApiDocs.StepAnswers
    @ApiResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = ApiDocs.ReviewAnswer.class)))
    ResponseEntity<Map<String, Object>> holdReview(@Valid @RequestBody ReviewRequest request) {
        return answer(StepKinds.REVIEW, steps.send(StepKinds.REVIEW, request, null));
    }

    @PostMapping("/actions")
    @Operation(summary = "Record an action a review assigned", description = "Owner (a pseudonymous id) and"
            + " due date; if it is neither completed nor dropped by the end of the due date, the platform records"
            + " it overdue by itself.")
    @ApiDocs.StepAnswers
    @ApiResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = ApiDocs.ActionAnswer.class)))
    ResponseEntity<Map<String, Object>> assignAction(@Valid @RequestBody ActionRequest request) {
        return answer(StepKinds.ACTION, steps.send(StepKinds.ACTION, request, null));
    }

    @PostMapping("/actions/{actionId}/completion")
    @Operation(summary = "Record that an action was done", description = "Also after it became overdue.")
    @ApiDocs.StepAnswers
    @ApiResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = ApiDocs.ActionAnswer.class)))
    ResponseEntity<Map<String, Object>> completeAction(
            @PathVariable @Pattern(regexp = StepRules.ID, message = StepRules.ID_MESSAGE) String actionId,
            @Valid @RequestBody ActionCompletionRequest request) {
        return answer(StepKinds.ACTION_COMPLETION, steps.send(StepKinds.ACTION_COMPLETION, request, actionId));
    }

    @PostMapping("/actions/{actionId}/drop")
    @Operation(summary = "Record that an action was dropped on purpose, and why")
    @ApiDocs.StepAnswers
    @ApiResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = ApiDocs.ActionAnswer.class)))
    ResponseEntity<Map<String, Object>> dropAction(
            @PathVariable @Pattern(regexp = StepRules.ID, message = StepRules.ID_MESSAGE) String actionId,
            @Valid @RequestBody ActionDropRequest request) {
        return answer(StepKinds.ACTION_DROP, steps.send(StepKinds.ACTION_DROP, request, actionId));
    }

    @PostMapping("/lessons/{lessonId}/shares")
    @Operation(summary = "Record that a lesson was shared with another org unit")
    @ApiDocs.StepAnswers
    @ApiResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = ApiDocs.LessonAnswer.class)))
    ResponseEntity<Map<String, Object>> shareLesson(
            @PathVariable @Pattern(regexp = StepRules.ID, message = StepRules.ID_MESSAGE) String lessonId,
            @Valid @RequestBody LessonShareRequest request) {
        return answer(StepKinds.LESSON_SHARE, steps.send(StepKinds.LESSON_SHARE, request, lessonId));
    }

    private static ResponseEntity<Map<String, Object>> answer(StepKind<?> kind, StepAccepted accepted) {
        return ResponseEntity.status(accepted.alreadyRecorded() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(kind.answer(accepted));
    }
}
