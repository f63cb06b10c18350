package io.learningloop.command.http;

import io.learningloop.command.Requests;
import java.util.List;

/**
 * Every single-step route with a valid body as a tool would post it: the test data the HTTP slice tests
 * walk. {@code givenId} is the id the path names (null for a new step, which brings its own id);
 * {@code answeredId} the id the answer names.
 */
record RouteSamples(String path, String kind, String idField, String givenId, String answeredId, String body) {

    static final String AT = "2024-01-05T09:00:00Z";
    static final String LATER = "2024-02-05T09:00:00Z";

    static final String CHECK_IN = """
            {"occurredAt": "%s", "sourceTool": "decision-log", "actor": "u-4711", "scheduledFor": "2024-02-01",
             "readings": [{"indicator": "close-duration-minutes", "value": "95", "note": "slow"}], "onTrack": false}
            """.formatted(LATER);
    static final String DROP = """
            {"occurredAt": "%s", "sourceTool": "tracker", "actor": "u-0815", "reason": "Superseded by the new queue"}
            """.formatted(LATER);

    static final List<RouteSamples> ALL = List.of(
            newStep("/decisions", "decision", "decisionId", "dec-1", Requests.decision("dec-1", AT)),
            about("/decisions/dec-1/outcome", "outcome", "decisionId", "dec-1", Requests.outcome(LATER)),
            about("/decisions/dec-1/check-ins", "check-in", "decisionId", "dec-1", CHECK_IN),
            newStep("/lessons", "lesson", "lessonId", "les-1", Requests.lesson("les-1", LATER, "dec-1")),
            about("/lessons/les-1/shares", "lesson-share", "lessonId", "les-1", Requests.share(LATER, "acme/sales")),
            newStep(
                    "/behavior-changes",
                    "behavior-change",
                    "behaviorChangeId",
                    "bc-1",
                    Requests.behaviorChange("bc-1", LATER, "dec-2", "les-1")),
            newStep("/reviews", "review", "reviewId", "rev-1", Requests.review("rev-1", LATER, "dec-1")),
            newStep("/actions", "action", "actionId", "act-1", Requests.action("act-1", LATER, "rev-1", "2024-03-01")),
            about("/actions/act-1/completion", "action-completion", "actionId", "act-1", Requests.completion(LATER)),
            about("/actions/act-1/drop", "action-drop", "actionId", "act-1", DROP),
            about(
                    "/decisions/dec-1/amendment",
                    "decision-amendment",
                    "decisionId",
                    "dec-1",
                    Requests.amendment(Requests.decision("dec-1", AT))),
            about("/decisions/dec-1/retraction", "decision-retraction", "decisionId", "dec-1", Requests.retraction()),
            about(
                    "/decisions/dec-1/outcome/amendment",
                    "outcome-amendment",
                    "decisionId",
                    "dec-1",
                    Requests.amendment(Requests.outcome(LATER))),
            about(
                    "/decisions/dec-1/outcome/retraction",
                    "outcome-retraction",
                    "decisionId",
                    "dec-1",
                    Requests.retraction()),
            about(
                    "/lessons/les-1/amendment",
                    "lesson-amendment",
                    "lessonId",
                    "les-1",
                    Requests.amendment(Requests.lesson("les-1", LATER, "dec-1"))),
            about("/lessons/les-1/retraction", "lesson-retraction", "lessonId", "les-1", Requests.retraction()),
            about(
                    "/reviews/rev-1/amendment",
                    "review-amendment",
                    "reviewId",
                    "rev-1",
                    Requests.amendment(Requests.review("rev-1", LATER, "dec-1"))),
            about("/reviews/rev-1/retraction", "review-retraction", "reviewId", "rev-1", Requests.retraction()),
            about(
                    "/actions/act-1/amendment",
                    "action-amendment",
                    "actionId",
                    "act-1",
                    Requests.amendment(Requests.action("act-1", LATER, "rev-1", "2024-03-01"))),
            about("/actions/act-1/retraction", "action-retraction", "actionId", "act-1", Requests.retraction()),
            about(
                    "/behavior-changes/bc-1/amendment",
                    "behavior-change-amendment",
                    "behaviorChangeId",
                    "bc-1",
                    Requests.amendment(Requests.behaviorChange("bc-1", LATER, "dec-2", "les-1"))),
            about(
                    "/behavior-changes/bc-1/retraction",
                    "behavior-change-retraction",
                    "behaviorChangeId",
                    "bc-1",
                    Requests.retraction()));

    private static RouteSamples newStep(String path, String kind, String idField, String ownId, String body) {
        return new RouteSamples(path, kind, idField, null, ownId, body);
    }

    private static RouteSamples about(String path, String kind, String idField, String givenId, String body) {
        return new RouteSamples(path, kind, idField, givenId, givenId, body);
    }

    boolean hasPathId() {
        return givenId != null;
    }

    /** The same route with {@code id} in place of the path's id. */
    String pathWith(String id) {
        return path.replace("/" + givenId, "/" + id);
    }

    @Override
    public String toString() {
        return "POST " + path;
    }
}
