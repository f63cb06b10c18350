package io.learningloop.command.http;

import java.util.List;

/**
 * Every single-step endpoint, one per kind of step: {@link StepController} answers them all and
 * {@link StepOperations} documents each as its own operation. A new kind of step is a line here.
 */
final class StepRoutes {

    private static final String AMEND = "The body's `correction` is the whole step as it should have been"
            + " recorded, validated like the step itself. Its references (the decisions, lessons or review it"
            + " names) cannot change: retract the step and post it anew instead.";
    private static final String RETRACT = "The step stays in the log but counts nowhere any more; its id is not"
            + " reused. Refused (409) while other live steps build on it.";

    static final List<StepRoute> ALL = List.of(
            StepRoute.of(
                    "/decisions",
                    StepKinds.DECISION,
                    "makeDecision",
                    "Record a decision",
                    "The first step of a loop. `informedByLessonIds` names earlier lessons that shaped it (those"
                            + " make a later behaviour change possible)."),
            StepRoute.of(
                            "/decisions/{decisionId}/outcome",
                            StepKinds.OUTCOME,
                            "observeOutcome",
                            "Record the observed outcome of a decision",
                            "One outcome per decision; it cannot precede"
                                    + " the decision. `orgUnit` defaults to the decision's.")
                    .describingId("the decision whose outcome this is"),
            StepRoute.of(
                    "/lessons",
                    StepKinds.LESSON,
                    "recordLesson",
                    "Record a lesson",
                    "Drawn from one or more existing decisions; it cannot be dated before any of them."),
            StepRoute.of(
                    "/behavior-changes",
                    StepKinds.BEHAVIOR_CHANGE,
                    "recordBehaviorChange",
                    "Record a behaviour change",
                    "A decision (`decisionId`) made differently because of earlier"
                            + " lessons (`lessonIds`); the decision must come after all of them."),
            StepRoute.of(
                    "/decisions/{decisionId}/check-ins",
                    StepKinds.CHECK_IN,
                    "holdCheckIn",
                    "Record a held check-in of a decision",
                    "For one of its planned check-in dates, with"
                            + " readings of its leading indicators and whether it is on track. A planned check-in"
                            + " not held in time is recorded missed by the platform itself."),
            StepRoute.of(
                    "/reviews",
                    StepKinds.REVIEW,
                    "holdReview",
                    "Record a review",
                    "A post-mortem,"
                            + " after-action review or retrospective of existing decisions: root causes by theme,"
                            + " facilitated or not, blameless or not, how many took part (never who)."),
            StepRoute.of(
                    "/actions",
                    StepKinds.ACTION,
                    "assignAction",
                    "Record an action a review assigned",
                    "Owner (pseudonymised on arrival, as every actor) and due date; if it is neither completed nor dropped by the end of"
                            + " the due date, the platform records it overdue by itself."),
            StepRoute.of(
                    "/actions/{actionId}/completion",
                    StepKinds.ACTION_COMPLETION,
                    "completeAction",
                    "Record that an action was done",
                    "Also after it became overdue."),
            StepRoute.of(
                    "/actions/{actionId}/drop",
                    StepKinds.ACTION_DROP,
                    "dropAction",
                    "Record that an action was dropped on purpose, and why",
                    null),
            StepRoute.of(
                    "/lessons/{lessonId}/shares",
                    StepKinds.LESSON_SHARE,
                    "shareLesson",
                    "Record that a lesson was shared with another org unit",
                    null),
            StepRoute.of(
                    "/decisions/{decisionId}/amendment",
                    StepKinds.DECISION_AMENDMENT,
                    "amendDecision",
                    "Amend a decision",
                    AMEND + " Its planned check-ins and leading indicators stay as they are,"
                            + " and it cannot move after its outcome, check-ins or the steps that cite it."),
            StepRoute.of(
                    "/decisions/{decisionId}/retraction",
                    StepKinds.DECISION_RETRACTION,
                    "retractDecision",
                    "Retract a decision, with its outcome and check-ins",
                    RETRACT),
            StepRoute.of(
                    "/decisions/{decisionId}/outcome/amendment",
                    StepKinds.OUTCOME_AMENDMENT,
                    "amendOutcome",
                    "Amend the observed outcome of a decision",
                    AMEND),
            StepRoute.of(
                    "/decisions/{decisionId}/outcome/retraction",
                    StepKinds.OUTCOME_RETRACTION,
                    "retractOutcome",
                    "Retract the observed outcome of a decision",
                    "The decision has no outcome"
                            + " again and may get the real one; posting the retracted outcome again is refused."),
            StepRoute.of(
                    "/lessons/{lessonId}/amendment",
                    StepKinds.LESSON_AMENDMENT,
                    "amendLesson",
                    "Amend a lesson",
                    AMEND),
            StepRoute.of(
                    "/lessons/{lessonId}/retraction",
                    StepKinds.LESSON_RETRACTION,
                    "retractLesson",
                    "Retract a lesson, with its sharing",
                    RETRACT),
            StepRoute.of(
                    "/reviews/{reviewId}/amendment",
                    StepKinds.REVIEW_AMENDMENT,
                    "amendReview",
                    "Amend a review",
                    AMEND),
            StepRoute.of(
                    "/reviews/{reviewId}/retraction",
                    StepKinds.REVIEW_RETRACTION,
                    "retractReview",
                    "Retract a review",
                    RETRACT),
            StepRoute.of(
                    "/actions/{actionId}/amendment",
                    StepKinds.ACTION_AMENDMENT,
                    "amendAction",
                    "Amend an action",
                    AMEND + " A new due date is awaited instead of the old one while the action"
                            + " is open and not overdue; after that, the due date stays."),
            StepRoute.of(
                    "/actions/{actionId}/retraction",
                    StepKinds.ACTION_RETRACTION,
                    "retractAction",
                    "Retract an action, with its completion, drop or overdue record",
                    RETRACT),
            StepRoute.of(
                    "/behavior-changes/{behaviorChangeId}/amendment",
                    StepKinds.BEHAVIOR_CHANGE_AMENDMENT,
                    "amendBehaviorChange",
                    "Amend a behaviour change",
                    AMEND),
            StepRoute.of(
                    "/behavior-changes/{behaviorChangeId}/retraction",
                    StepKinds.BEHAVIOR_CHANGE_RETRACTION,
                    "retractBehaviorChange",
                    "Retract a behaviour change",
                    "Its lessons count as unconverted again," + " unless another behaviour change cites them."));

    private StepRoutes() {}
}
