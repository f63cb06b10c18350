package io.learningloop.command;

/** Request bodies as a tool would post them. */
public final class Requests {

    private Requests() {}

    public static String decision(String id, String occurredAt) {
        return """
                {"decisionId": "%s", "orgUnit": "acme/eng/platform", "occurredAt": "%s",
                 "sourceTool": "retro-tool", "actor": "u-4711", "title": "Move billing to the new queue",
                 "category": "operations", "expectedOutcome": "Fewer failed invoices", "confidence": 0.7,
                 "reviewBy": "2026-06-30"}
                """.formatted(id, occurredAt);
    }

    public static String outcome(String occurredAt) {
        return """
                {"occurredAt": "%s", "sourceTool": "retro-tool", "actor": "u-4711",
                 "assessment": "worse-than-expected", "summary": "Failures moved, not vanished"}
                """.formatted(occurredAt);
    }

    public static String lesson(String id, String occurredAt, String decisionId) {
        return """
                {"lessonId": "%s", "orgUnit": "acme/eng/platform", "occurredAt": "%s", "sourceTool": "retro-tool",
                 "actor": "u-4711", "decisionIds": ["%s"], "lesson": "Queues hide failures",
                 "thinkingChange": "We ask where a failure goes before we move it"}
                """.formatted(id, occurredAt, decisionId);
    }

    public static String behaviorChange(String id, String occurredAt, String decisionId, String lessonId) {
        return """
                {"behaviorChangeId": "%s", "orgUnit": "acme/eng/platform", "occurredAt": "%s",
                 "sourceTool": "retro-tool", "actor": "u-4711", "lessonIds": ["%s"], "decisionId": "%s",
                 "description": "Added a dead-letter review before the switch"}
                """.formatted(id, occurredAt, lessonId, decisionId);
    }

    public static String review(String id, String occurredAt, String decisionId) {
        return """
                {"reviewId": "%s", "orgUnit": "acme/eng/platform", "occurredAt": "%s", "sourceTool": "retro-tool",
                 "actor": "u-4711", "decisionIds": ["%s"], "kind": "post-mortem",
                 "rootCauses": [{"theme": "ownership", "text": "Nobody owned the dead-letter queue"}],
                 "facilitated": true, "blameless": true, "participantCount": 6}
                """.formatted(id, occurredAt, decisionId);
    }

    public static String action(String id, String occurredAt, String reviewId, String dueDate) {
        return """
                {"actionId": "%s", "orgUnit": "acme/eng/platform", "occurredAt": "%s", "sourceTool": "retro-tool",
                 "actor": "u-4711", "reviewId": "%s", "owner": "u-0815", "dueDate": "%s",
                 "what": "Name an owner for the dead-letter queue"}
                """.formatted(id, occurredAt, reviewId, dueDate);
    }

    public static String completion(String occurredAt) {
        return """
                {"occurredAt": "%s", "sourceTool": "tracker", "actor": "u-0815", "note": "Owner named"}
                """.formatted(occurredAt);
    }

    public static String share(String occurredAt, String withOrgUnit) {
        return """
                {"occurredAt": "%s", "sourceTool": "wiki", "actor": "u-4711", "sharedWithOrgUnit": "%s"}
                """.formatted(occurredAt, withOrgUnit);
    }

    /** An amendment: who corrects the step, why, and the step as it should have been ({@code correction}). */
    public static String amendment(String correction) {
        return """
                {"sourceTool": "fix-tool", "actor": "u-0815", "reason": "Typed into the wrong field",
                 "correction": %s}
                """.formatted(correction);
    }

    public static String retraction() {
        return """
                {"sourceTool": "fix-tool", "actor": "u-0815", "reason": "Posted by mistake"}
                """;
    }
}
