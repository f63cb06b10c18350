package io.learningloop.command;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A generated bulk file of years of history: complete loops (decision, outcome, lesson, a later decision
 * informed by the lesson, the behaviour change) with bad lines mixed in, and what each line must answer.
 * Every bad line stays bad when the file is posted again, so a second post must store nothing.
 */
final class BulkFile {

    /** What a line must answer: accepted with this id, or refused with this status, type and fields. */
    record Expected(int status, String step, String id, String type, Set<String> fields) {

        static Expected accepted(String step, String id) {
            return new Expected(201, step, id, null, Set.of());
        }

        static Expected repeated(String step, String id) {
            return new Expected(200, step, id, null, Set.of());
        }

        static Expected refused(int status, String step, String type, String... fields) {
            return new Expected(status, step, null, "urn:learning-loop:problem:" + type, Set.of(fields));
        }

        boolean isAccepted() {
            return type == null;
        }
    }

    private static final Instant START = Instant.parse("2021-01-04T09:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);

    /** Physical lines, the first is line 1; a blank line has no expectation. */
    final List<String> lines = new ArrayList<>();
    final Map<Integer, Expected> expected = new LinkedHashMap<>();

    private BulkFile() {
    }

    /**
     * @param total the number of physical lines
     * @param badEvery a bad line (or the blank one) after about every this many good lines
     */
    static BulkFile generate(int total, int badEvery) {
        BulkFile file = new BulkFile();
        List<Function<BulkFile, Expected>> bad = badLines();
        int nextBad = 0;
        int loop = 0;
        int sinceBad = 0;
        while (file.lines.size() < total) {
            int left = total - file.lines.size();
            int badLeft = bad.size() - nextBad;
            if (badLeft > 0 && (sinceBad >= badEvery || left <= badLeft)) {
                file.add(bad.get(nextBad++));
                sinceBad = 0;
            } else if (left - badLeft >= 5) {
                file.loop(loop++);
                sinceBad += 5;
            } else {
                file.standaloneDecision(file.lines.size());
                sinceBad++;
            }
        }
        if (nextBad < bad.size()) {
            throw new IllegalArgumentException("too few lines for every kind of bad line");
        }
        return file;
    }

    String body() {
        return String.join("\n", lines) + "\n";
    }

    long acceptedCount() {
        return expected.values().stream().filter(e -> e.status() == 201).count();
    }

    long repeatedCount() {
        return expected.values().stream().filter(e -> e.status() == 200).count();
    }

    long refusedCount() {
        return expected.values().stream().filter(e -> !e.isAccepted()).count();
    }

    /** Lines that go in as a loop of five steps: two decisions, an outcome, a lesson, a behaviour change. */
    private void loop(int n) {
        Instant decided = START.plus(Duration.ofHours(12L * n));
        String orgUnit = "acme/unit-" + (n % 7);
        add(decision("bk-d-" + n, orgUnit, decided, "Move job " + n + " to the queue", null),
                Expected.accepted("decision", "bk-d-" + n));
        add(outcome("bk-d-" + n, decided.plus(DAY.multipliedBy(30))), Expected.accepted("outcome", "bk-d-" + n));
        add(lesson("bk-l-" + n, orgUnit, decided.plus(DAY.multipliedBy(40)), "bk-d-" + n),
                Expected.accepted("lesson", "bk-l-" + n));
        add(decision("bk-d2-" + n, orgUnit, decided.plus(DAY.multipliedBy(60)), "Move job " + n + " with an owner",
                "bk-l-" + n), Expected.accepted("decision", "bk-d2-" + n));
        add(behaviorChange("bk-b-" + n, orgUnit, decided.plus(DAY.multipliedBy(60)), "bk-d2-" + n, "bk-l-" + n),
                Expected.accepted("behavior-change", "bk-b-" + n));
    }

    private void standaloneDecision(int n) {
        add(decision("bk-s-" + n, "acme/solo", START.plus(Duration.ofHours(n)), "A decision alone", null),
                Expected.accepted("decision", "bk-s-" + n));
    }

    /** Placed after some loops, so the good steps they name (of loops 0 and 1) exist by then. */
    private static List<Function<BulkFile, Expected>> badLines() {
        Instant loop0 = START;
        return List.of(
                file -> file.blank(),
                file -> file.raw("this is not json {", Expected.refused(400, null, "unreadable-body")),
                file -> file.raw("[\"a\", \"json\", \"array\"]", Expected.refused(400, null, "unreadable-body")),
                file -> file.raw("{\"decisionId\": \"bk-no-step\"}", Expected.refused(400, null, "invalid-step", "step")),
                file -> file.raw("{\"step\": \"retrospective\"}",
                        Expected.refused(400, "retrospective", "invalid-step", "step")),
                // bad field values: the same four fields the single endpoint names
                file -> file.raw("""
                        {"step": "decision", "decisionId": "bk-bad-fields", "orgUnit": "Acme Eng", \
                        "occurredAt": "2022-03-01T10:00:00Z", "sourceTool": "retro-tool", \
                        "actor": "jane.doe@acme.example", "title": "", "category": "operations", \
                        "expectedOutcome": "x", "confidence": 1.5, "reviewBy": "2022-06-30"}""",
                        Expected.refused(400, "decision", "invalid-step", "actor", "confidence", "orgUnit", "title")),
                file -> file.raw(decision("bk-hunch", "acme/eng", loop0, "A hunch", null)
                                .replace("\"operations\"", "\"hunch\""),
                        Expected.refused(400, "decision", "invalid-step", "category")),
                file -> file.raw(lesson("bk-bad-ref-id", "acme/eng", loop0.plus(DAY), "not an id!"),
                        Expected.refused(400, "lesson", "invalid-step", "decisionIds[0]")),
                file -> file.raw(outcome("bk-d-0", loop0.plus(DAY)).replace("\"decisionId\": \"bk-d-0\", ", ""),
                        Expected.refused(400, "outcome", "invalid-step", "decisionId")),
                file -> file.raw(lesson("bk-orphan", "acme/eng", loop0.plus(DAY), "bk-missing-decision"),
                        Expected.refused(404, "lesson", "unknown-reference", "decisionIds")),
                file -> file.raw(outcome("bk-missing-decision", loop0.plus(DAY)),
                        Expected.refused(404, "outcome", "unknown-reference", "decisionId")),
                // an outcome before its decision: bk-d2-0 is made 60 days after loop 0 starts
                file -> file.raw(outcome("bk-d2-0", loop0.plus(DAY.multipliedBy(59))),
                        Expected.refused(400, "outcome", "loop-rule-violated", "occurredAt")),
                // a behaviour change shown by a decision made before the lesson
                file -> file.raw(behaviorChange("bk-b-backwards", "acme/eng", loop0.plus(DAY.multipliedBy(70)),
                                "bk-d-1", "bk-l-1"),
                        Expected.refused(400, "behavior-change", "loop-rule-violated", "decisionId")),
                file -> file.raw(decision("bk-future", "acme/eng", Instant.parse("2999-01-01T00:00:00Z"),
                                "From the future", null),
                        Expected.refused(400, "decision", "loop-rule-violated", "occurredAt")),
                // a duplicate id with other content
                file -> file.raw(decision("bk-d-0", "acme/unit-0", loop0, "Something else entirely", null),
                        Expected.refused(409, "decision", "conflicting-step")),
                // the very same step again: a retry inside the file
                file -> file.raw(file.lines.get(0), Expected.repeated("decision", "bk-d-0")));
    }

    private Expected blank() {
        lines.add("   ");
        return null;
    }

    private Expected raw(String line, Expected expectation) {
        lines.add(line);
        return expectation;
    }

    private void add(Function<BulkFile, Expected> badLine) {
        Expected expectation = badLine.apply(this);
        if (expectation != null) {
            expected.put(lines.size(), expectation);
        }
    }

    private void add(String line, Expected expectation) {
        lines.add(line);
        expected.put(lines.size(), expectation);
    }

    static String decision(String id, String orgUnit, Instant at, String title, String informedBy) {
        return """
                {"step": "decision", "decisionId": "%s", "orgUnit": "%s", "occurredAt": "%s", \
                "sourceTool": "bulk-test", "actor": "u-4711", "title": "%s", "category": "operations", \
                "expectedOutcome": "Fewer failed jobs", "confidence": 0.7, "reviewBy": "%s"%s}"""
                .formatted(id, orgUnit, at, title, at.atZone(ZoneOffset.UTC).toLocalDate().plusDays(90),
                        informedBy == null ? "" : ", \"informedByLessonIds\": [\"" + informedBy + "\"]");
    }

    static String outcome(String decisionId, Instant at) {
        return """
                {"step": "outcome", "decisionId": "%s", "occurredAt": "%s", "sourceTool": "bulk-test", \
                "actor": "u-4711", "assessment": "worse-than-expected", "summary": "Failures moved, not vanished"}"""
                .formatted(decisionId, at);
    }

    static String lesson(String id, String orgUnit, Instant at, String decisionId) {
        return """
                {"step": "lesson", "lessonId": "%s", "orgUnit": "%s", "occurredAt": "%s", "sourceTool": "bulk-test", \
                "actor": "u-4711", "decisionIds": ["%s"], "lesson": "Queues hide failures", \
                "thinkingChange": "We ask where a failure goes before we move it"}"""
                .formatted(id, orgUnit, at, decisionId);
    }

    static String behaviorChange(String id, String orgUnit, Instant at, String decisionId, String lessonId) {
        return """
                {"step": "behavior-change", "behaviorChangeId": "%s", "orgUnit": "%s", "occurredAt": "%s", \
                "sourceTool": "bulk-test", "actor": "u-4711", "lessonIds": ["%s"], "decisionId": "%s", \
                "description": "Named an owner for the dead letters first"}"""
                .formatted(id, orgUnit, at, lessonId, decisionId);
    }
}
