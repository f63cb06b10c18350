package io.learningloop.command;

/** Request bodies as a tool would post them. */
public final class Requests {

    private Requests() {
    }

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
}
