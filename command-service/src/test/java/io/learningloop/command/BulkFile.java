package io.learningloop.command;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A generated bulk file of years of history: complete loops with a line of every kind of step the bulk
 * import accepts ({@link #KINDS}), with bad lines of every kind mixed in, and what each line must answer.
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

    /** Every kind of step the bulk import accepts, in a loop's order; the test checks the service agrees. */
    static final List<String> KINDS = List.of(
            "decision",
            "check-in",
            "outcome",
            "review",
            "action",
            "action-completion",
            "action-drop",
            "lesson",
            "lesson-share",
            "behavior-change",
            "decision-amendment",
            "decision-retraction",
            "outcome-amendment",
            "outcome-retraction",
            "review-amendment",
            "review-retraction",
            "action-amendment",
            "action-retraction",
            "lesson-amendment",
            "lesson-retraction",
            "behavior-change-amendment",
            "behavior-change-retraction");

    /** Every this many loops, one is corrected: each of its steps amended, then all of it retracted. */
    private static final int CORRECTED_EVERY = 25;

    private static final int CORRECTION_LINES = 12;

    private static final Instant START = Instant.parse("2021-01-04T09:00:00Z");

    /**
     * Loops start twelve hours apart and the calendar starts again after this many (about five and a half
     * years), so that a file of any size stays in the past: a step dated after today is refused, and a
     * large file would otherwise be mostly refusals (a cheap answer that would flatter a benchmark).
     */
    private static final int LOOPS_PER_CALENDAR = 4_000;

    private static final String INDICATOR = "failed-jobs";
    private static final Duration DAY = Duration.ofDays(1);

    /** Physical lines, the first is line 1; a blank line has no expectation. */
    final List<String> lines = new ArrayList<>();

    final Map<Integer, Expected> expected = new LinkedHashMap<>();

    private BulkFile() {}

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
            } else if (left - badLeft >= loopLines(loop)) {
                sinceBad += loopLines(loop);
                file.loop(loop++);
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

    /**
     * Lines that go in as one loop of every kind of step: a decision planning a check-in, the check-in, the
     * outcome, a review, an action it assigned and (two loops in three) its completion or drop, the lesson,
     * its share with the next unit, a later decision informed by the lesson and the behaviour change.
     */
    private void loop(int n) {
        Instant decided = START.plus(Duration.ofHours(12L * (n % LOOPS_PER_CALENDAR)));
        String orgUnit = "acme/unit-" + (n % 7);
        String decision = "bk-d-" + n;
        String action = "bk-a-" + n;
        // two check-ins planned, one held: the other is left for the platform to record missed
        add(
                decision(
                        decision,
                        orgUnit,
                        decided,
                        "Move job " + n + " to the queue",
                        null,
                        day(decided.plus(DAY.multipliedBy(10))),
                        day(decided.plus(DAY.multipliedBy(20)))),
                Expected.accepted("decision", decision));
        add(
                checkIn(
                        decision,
                        decided.plus(DAY.multipliedBy(10)),
                        day(decided.plus(DAY.multipliedBy(10))),
                        INDICATOR),
                Expected.accepted("check-in", decision));
        add(outcome(decision, decided.plus(DAY.multipliedBy(30))), Expected.accepted("outcome", decision));
        add(
                review("bk-r-" + n, orgUnit, decided.plus(DAY.multipliedBy(32)), decision, "ownership"),
                Expected.accepted("review", "bk-r-" + n));
        add(
                action(
                        action,
                        orgUnit,
                        decided.plus(DAY.multipliedBy(32)),
                        "bk-r-" + n,
                        day(decided.plus(DAY.multipliedBy(50)))),
                Expected.accepted("action", action));
        switch (endOfAction(n)) {
            case "action-completion" ->
                add(
                        actionCompletion(action, decided.plus(DAY.multipliedBy(45))),
                        Expected.accepted("action-completion", action));
            case "action-drop" ->
                add(actionDrop(action, decided.plus(DAY.multipliedBy(45))), Expected.accepted("action-drop", action));
            default -> {
                // left open: its due date passed long ago, so the platform records it overdue a day later
            }
        }
        add(
                lesson("bk-l-" + n, orgUnit, decided.plus(DAY.multipliedBy(40)), decision),
                Expected.accepted("lesson", "bk-l-" + n));
        add(
                lessonShare("bk-l-" + n, decided.plus(DAY.multipliedBy(41)), "acme/unit-" + ((n + 1) % 7)),
                Expected.accepted("lesson-share", "bk-l-" + n));
        add(
                decision(
                        "bk-d2-" + n,
                        orgUnit,
                        decided.plus(DAY.multipliedBy(60)),
                        "Move job " + n + " with an owner",
                        "bk-l-" + n),
                Expected.accepted("decision", "bk-d2-" + n));
        add(
                behaviorChange("bk-b-" + n, orgUnit, decided.plus(DAY.multipliedBy(60)), "bk-d2-" + n, "bk-l-" + n),
                Expected.accepted("behavior-change", "bk-b-" + n));
        if (corrected(n)) {
            correct(n, orgUnit, decided);
        }
    }

    private static boolean corrected(int n) {
        return n % CORRECTED_EVERY == CORRECTED_EVERY - 1;
    }

    /**
     * Loop n posted wrongly: every step amended, then retracted in the order the rules ask for (what
     * builds on a step goes first). The first decision stays, without its outcome.
     */
    private void correct(int n, String orgUnit, Instant decided) {
        String decision = "bk-d-" + n;
        add(
                amendment("outcome", decision, outcome(decision, decided.plus(DAY.multipliedBy(31)))),
                Expected.accepted("outcome-amendment", decision));
        add(
                amendment(
                        "review",
                        "bk-r-" + n,
                        review("bk-r-" + n, orgUnit, decided.plus(DAY.multipliedBy(32)), decision, "process")),
                Expected.accepted("review-amendment", "bk-r-" + n));
        add(
                amendment(
                        "action",
                        "bk-a-" + n,
                        action(
                                        "bk-a-" + n,
                                        orgUnit,
                                        decided.plus(DAY.multipliedBy(32)),
                                        "bk-r-" + n,
                                        day(decided.plus(DAY.multipliedBy(50))))
                                .replace("u-0815", "u-0816")),
                Expected.accepted("action-amendment", "bk-a-" + n));
        add(
                amendment(
                        "lesson",
                        "bk-l-" + n,
                        lesson("bk-l-" + n, orgUnit, decided.plus(DAY.multipliedBy(40)), decision)
                                .replace("Queues hide failures", "Queues hide failures unless watched")),
                Expected.accepted("lesson-amendment", "bk-l-" + n));
        add(
                amendment(
                        "decision",
                        "bk-d2-" + n,
                        decision(
                                "bk-d2-" + n,
                                orgUnit,
                                decided.plus(DAY.multipliedBy(60)),
                                "Move job " + n + " with a named owner",
                                "bk-l-" + n)),
                Expected.accepted("decision-amendment", "bk-d2-" + n));
        add(
                amendment(
                        "behavior-change",
                        "bk-b-" + n,
                        behaviorChange(
                                "bk-b-" + n, orgUnit, decided.plus(DAY.multipliedBy(61)), "bk-d2-" + n, "bk-l-" + n)),
                Expected.accepted("behavior-change-amendment", "bk-b-" + n));
        for (String[] retraction : new String[][] {
            {"behavior-change", "bk-b-"},
            {"decision", "bk-d2-"},
            {"lesson", "bk-l-"},
            {"action", "bk-a-"},
            {"review", "bk-r-"},
            {"outcome", "bk-d-"}
        }) {
            add(
                    retraction(retraction[0], retraction[1] + n),
                    Expected.accepted(retraction[0] + "-retraction", retraction[1] + n));
        }
    }

    /** Loop n's action is completed, dropped, or left open, in turn. */
    private static String endOfAction(int n) {
        return switch (n % 3) {
            case 0 -> "action-completion";
            case 1 -> "action-drop";
            default -> "open";
        };
    }

    private static int loopLines(int n) {
        return (endOfAction(n).equals("open") ? 9 : 10) + (corrected(n) ? CORRECTION_LINES : 0);
    }

    private void standaloneDecision(int n) {
        add(
                decision(
                        "bk-s-" + n,
                        "acme/solo",
                        START.plus(Duration.ofMinutes(n % (LOOPS_PER_CALENDAR * 12 * 60))),
                        "A decision alone",
                        null),
                Expected.accepted("decision", "bk-s-" + n));
    }

    /** Placed after some loops, so the good steps they name (of loops 0, 1 and 2) exist by then. */
    private static List<Function<BulkFile, Expected>> badLines() {
        List<Function<BulkFile, Expected>> bad = new ArrayList<>(badLinesOfTheFirstKinds());
        bad.addAll(badCheckIns());
        bad.addAll(badReviewsAndActions());
        bad.addAll(badLessonShares());
        bad.addAll(badCorrections());
        return bad;
    }

    private static List<Function<BulkFile, Expected>> badLinesOfTheFirstKinds() {
        Instant loop0 = START;
        return List.of(
                file -> file.blank(),
                file -> file.raw("this is not json {", Expected.refused(400, null, "unreadable-body")),
                file -> file.raw("[\"a\", \"json\", \"array\"]", Expected.refused(400, null, "unreadable-body")),
                file -> file.raw(
                        "{\"decisionId\": \"bk-no-step\"}", Expected.refused(400, null, "invalid-step", "step")),
                file -> file.raw(
                        "{\"step\": \"retrospective\"}",
                        Expected.refused(400, "retrospective", "invalid-step", "step")),
                // bad field values: the same four fields the single endpoint names (a tab names no one)
                file -> file.raw(
                        """
                        {"step": "decision", "decisionId": "bk-bad-fields", "orgUnit": "Acme Eng", \
                        "occurredAt": "2022-03-01T10:00:00Z", "sourceTool": "retro-tool", \
                        "actor": "jane\\tdoe", "title": "", "category": "operations", \
                        "expectedOutcome": "x", "confidence": 1.5, "reviewBy": "2022-06-30"}""",
                        Expected.refused(400, "decision", "invalid-step", "actor", "confidence", "orgUnit", "title")),
                file -> file.raw(
                        decision("bk-hunch", "acme/eng", loop0, "A hunch", null).replace("\"operations\"", "\"hunch\""),
                        Expected.refused(400, "decision", "invalid-step", "category")),
                file -> file.raw(
                        decision(
                                "bk-early-check-in",
                                "acme/eng",
                                loop0.plus(DAY),
                                "Checked before made",
                                null,
                                day(loop0)),
                        Expected.refused(400, "decision", "loop-rule-violated", "checkInDates")),
                file -> file.raw(
                        lesson("bk-bad-ref-id", "acme/eng", loop0.plus(DAY), "not an id!"),
                        Expected.refused(400, "lesson", "invalid-step", "decisionIds[0]")),
                file -> file.raw(
                        outcome("bk-d-0", loop0.plus(DAY)).replace("\"decisionId\": \"bk-d-0\", ", ""),
                        Expected.refused(400, "outcome", "invalid-step", "decisionId")),
                file -> file.raw(
                        lesson("bk-orphan", "acme/eng", loop0.plus(DAY), "bk-missing-decision"),
                        Expected.refused(404, "lesson", "unknown-reference", "decisionIds")),
                file -> file.raw(
                        outcome("bk-missing-decision", loop0.plus(DAY)),
                        Expected.refused(404, "outcome", "unknown-reference", "decisionId")),
                // an outcome before its decision: bk-d2-0 is made 60 days after loop 0 starts
                file -> file.raw(
                        outcome("bk-d2-0", loop0.plus(DAY.multipliedBy(59))),
                        Expected.refused(400, "outcome", "loop-rule-violated", "occurredAt")),
                // a behaviour change shown by a decision made before the lesson
                file -> file.raw(
                        behaviorChange(
                                "bk-b-backwards", "acme/eng", loop0.plus(DAY.multipliedBy(70)), "bk-d-1", "bk-l-1"),
                        Expected.refused(400, "behavior-change", "loop-rule-violated", "decisionId")),
                file -> file.raw(
                        decision(
                                "bk-future",
                                "acme/eng",
                                Instant.parse("2199-01-01T00:00:00Z"),
                                "From the future",
                                null),
                        Expected.refused(400, "decision", "loop-rule-violated", "occurredAt")),
                // a duplicate id with other content
                file -> file.raw(
                        decision("bk-d-0", "acme/unit-0", loop0, "Something else entirely", null),
                        Expected.refused(409, "decision", "conflicting-step")),
                // the very same step again: a retry inside the file
                file -> file.raw(file.lines.get(0), Expected.repeated("decision", "bk-d-0")));
    }

    /** Loop 1's decision planned check-ins on days 10 and 20 (from loop 1's start) and held the first only. */
    private static List<Function<BulkFile, Expected>> badCheckIns() {
        Instant loop1 = START.plus(Duration.ofHours(12));
        LocalDate unheld = day(loop1.plus(DAY.multipliedBy(20)));
        return List.of(
                file -> file.raw(
                        checkIn(
                                "bk-d-1",
                                loop1.plus(DAY.multipliedBy(11)),
                                day(loop1.plus(DAY.multipliedBy(11))),
                                INDICATOR),
                        Expected.refused(400, "check-in", "loop-rule-violated", "scheduledFor")),
                file -> file.raw(
                        checkIn("bk-d-1", loop1.plus(DAY.multipliedBy(20)), unheld, "queue-depth"),
                        Expected.refused(400, "check-in", "loop-rule-violated", "readings")),
                file -> file.raw(
                        checkIn("bk-d-1", loop1.plus(DAY.multipliedBy(20)), unheld, INDICATOR)
                                .replace(", \"onTrack\": false", ""),
                        Expected.refused(400, "check-in", "invalid-step", "onTrack")),
                file -> file.raw(
                        checkIn("bk-missing-decision", loop1.plus(DAY.multipliedBy(20)), unheld, INDICATOR),
                        Expected.refused(404, "check-in", "unknown-reference", "decisionId")),
                // the held check-in of day 10 again, with another reading
                file -> file.raw(
                        checkIn(
                                        "bk-d-1",
                                        loop1.plus(DAY.multipliedBy(10)),
                                        day(loop1.plus(DAY.multipliedBy(10))),
                                        INDICATOR)
                                .replace("\"value\": \"3\"", "\"value\": \"4\""),
                        Expected.refused(409, "check-in", "conflicting-step")));
    }

    /** Loop 0's action was completed, loop 2's is still open; loop n's review is held on day 32. */
    private static List<Function<BulkFile, Expected>> badReviewsAndActions() {
        Instant loop0 = START;
        Instant loop2 = START.plus(Duration.ofHours(24));
        return List.of(
                file -> file.raw(
                        review("bk-r-bad-theme", "acme/eng", loop0.plus(DAY.multipliedBy(33)), "bk-d-0", "bad-luck"),
                        Expected.refused(400, "review", "loop-rule-violated", "rootCauses")),
                file -> file.raw(
                        review(
                                "bk-r-orphan",
                                "acme/eng",
                                loop0.plus(DAY.multipliedBy(33)),
                                "bk-missing-decision",
                                "ownership"),
                        Expected.refused(404, "review", "unknown-reference", "decisionIds")),
                file -> file.raw(
                        review("bk-r-early", "acme/eng", loop0.plus(DAY.multipliedBy(59)), "bk-d2-0", "ownership"),
                        Expected.refused(400, "review", "loop-rule-violated", "occurredAt")),
                file -> file.raw(
                        review("bk-r-alone", "acme/eng", loop0.plus(DAY.multipliedBy(33)), "bk-d-0", "ownership")
                                .replace("\"participantCount\": 5", "\"participantCount\": 0"),
                        Expected.refused(400, "review", "invalid-step", "participantCount")),
                file -> file.raw(
                        action(
                                "bk-a-orphan",
                                "acme/eng",
                                loop0.plus(DAY.multipliedBy(33)),
                                "bk-missing-review",
                                day(loop0.plus(DAY.multipliedBy(50)))),
                        Expected.refused(404, "action", "unknown-reference", "reviewId")),
                file -> file.raw(
                        action(
                                "bk-a-due-early",
                                "acme/eng",
                                loop0.plus(DAY.multipliedBy(33)),
                                "bk-r-0",
                                day(loop0.plus(DAY.multipliedBy(31)))),
                        Expected.refused(400, "action", "loop-rule-violated", "dueDate")),
                file -> file.raw(
                        action(
                                "bk-a-before-review",
                                "acme/eng",
                                loop0.plus(DAY.multipliedBy(31)),
                                "bk-r-0",
                                day(loop0.plus(DAY.multipliedBy(50)))),
                        Expected.refused(400, "action", "loop-rule-violated", "occurredAt")),
                file -> file.raw(
                        actionCompletion("bk-missing-action", loop0.plus(DAY.multipliedBy(45))),
                        Expected.refused(404, "action-completion", "unknown-reference", "actionId")),
                file -> file.raw(
                        actionCompletion("bk-a-2", loop2.plus(DAY.multipliedBy(45)))
                                .replace("\"actionId\": \"bk-a-2\", ", ""),
                        Expected.refused(400, "action-completion", "invalid-step", "actionId")),
                file -> file.raw(
                        actionCompletion("bk-a-2", loop2.plus(DAY.multipliedBy(31))),
                        Expected.refused(400, "action-completion", "loop-rule-violated", "occurredAt")),
                file -> file.raw(
                        actionDrop("bk-a-2", loop2.plus(DAY.multipliedBy(45)))
                                .replace("\"Superseded by the new queue\"", "\" \""),
                        Expected.refused(400, "action-drop", "invalid-step", "reason")),
                // dropping what was completed
                file -> file.raw(
                        actionDrop("bk-a-0", loop0.plus(DAY.multipliedBy(46))),
                        Expected.refused(409, "action-drop", "conflicting-step")));
    }

    /** Loop 1's lesson is drawn on day 40 and shared with acme/unit-2 on day 41. */
    private static List<Function<BulkFile, Expected>> badLessonShares() {
        Instant loop1 = START.plus(Duration.ofHours(12));
        return List.of(
                file -> file.raw(
                        lessonShare("bk-l-1", loop1.plus(DAY.multipliedBy(42)), "acme/unit-1"),
                        Expected.refused(400, "lesson-share", "loop-rule-violated", "sharedWithOrgUnit")),
                file -> file.raw(
                        lessonShare("bk-l-1", loop1.plus(DAY.multipliedBy(39)), "acme/unit-5"),
                        Expected.refused(400, "lesson-share", "loop-rule-violated", "occurredAt")),
                file -> file.raw(
                        lessonShare("bk-missing-lesson", loop1.plus(DAY.multipliedBy(42)), "acme/unit-5"),
                        Expected.refused(404, "lesson-share", "unknown-reference", "lessonId")),
                file -> file.raw(
                        lessonShare("bk-l-1", loop1.plus(DAY.multipliedBy(42)), "Acme Sales"),
                        Expected.refused(400, "lesson-share", "invalid-step", "sharedWithOrgUnit")));
    }

    /** Loop 0 builds on all of its steps; loop 1's action is dropped, loop 2's left open. */
    private static List<Function<BulkFile, Expected>> badCorrections() {
        Instant loop0 = START;
        Instant loop1 = START.plus(Duration.ofHours(12));
        return List.of(
                file -> file.raw(
                        amendment(
                                "decision",
                                "bk-d2-0",
                                decision(
                                        "bk-d2-0",
                                        "acme/unit-0",
                                        loop0.plus(DAY.multipliedBy(60)),
                                        "Move job 0 with an owner",
                                        null)),
                        Expected.refused(400, "decision-amendment", "loop-rule-violated", "informedByLessonIds")),
                file -> file.raw(
                        retraction("decision", "bk-d-0"),
                        Expected.refused(409, "decision-retraction", "conflicting-step")),
                file -> file.raw(
                        amendment("outcome", "bk-d-0", outcome("bk-d-0", loop0.minus(DAY))),
                        Expected.refused(400, "outcome-amendment", "loop-rule-violated", "occurredAt")),
                file -> file.raw(
                        retraction("outcome", "bk-missing-decision"),
                        Expected.refused(404, "outcome-retraction", "unknown-reference", "decisionId")),
                file -> file.raw(
                        amendment(
                                        "review",
                                        "bk-r-0",
                                        review(
                                                "bk-r-0",
                                                "acme/unit-0",
                                                loop0.plus(DAY.multipliedBy(32)),
                                                "bk-d-0",
                                                "ownership"))
                                .replace("\"reason\"", "\"why\""),
                        Expected.refused(400, "review-amendment", "invalid-step", "why")),
                file -> file.raw(
                        retraction("review", "bk-r-0"), Expected.refused(409, "review-retraction", "conflicting-step")),
                file -> file.raw(
                        amendment(
                                "action",
                                "bk-a-1",
                                action(
                                        "bk-a-1",
                                        "acme/unit-1",
                                        loop1.plus(DAY.multipliedBy(32)),
                                        "bk-r-0",
                                        day(loop1.plus(DAY.multipliedBy(50))))),
                        Expected.refused(400, "action-amendment", "loop-rule-violated", "reviewId")),
                file -> file.raw(
                        retraction("action", "bk-missing-action"),
                        Expected.refused(404, "action-retraction", "unknown-reference", "actionId")),
                file -> file.raw(
                        amendment(
                                "lesson",
                                "bk-l-0",
                                lesson("bk-l-1", "acme/unit-0", loop0.plus(DAY.multipliedBy(40)), "bk-d-0")),
                        Expected.refused(400, "lesson-amendment", "loop-rule-violated", "correction.lessonId")),
                file -> file.raw(
                        retraction("lesson", "bk-l-0"), Expected.refused(409, "lesson-retraction", "conflicting-step")),
                file -> file.raw(
                        amendment(
                                "behavior-change",
                                "bk-b-0",
                                behaviorChange(
                                        "bk-b-0",
                                        "acme/unit-0",
                                        loop0.plus(DAY.multipliedBy(60)),
                                        "bk-d2-1",
                                        "bk-l-0")),
                        Expected.refused(400, "behavior-change-amendment", "loop-rule-violated", "decisionId")),
                file -> file.raw(
                        retraction("behavior-change", "bk-b-0").replace("\"actor\": \"u-0815\", ", ""),
                        Expected.refused(400, "behavior-change-retraction", "invalid-step", "actor")));
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

    static String decision(
            String id, String orgUnit, Instant at, String title, String informedBy, LocalDate... checkInDates) {
        String plan = checkInDates.length == 0
                ? ""
                : ", \"checkInDates\": [%s], \"leadingIndicators\": [\"%s\"]"
                        .formatted(
                                Arrays.stream(checkInDates)
                                        .map(date -> "\"" + date + "\"")
                                        .collect(Collectors.joining(", ")),
                                INDICATOR);
        return """
                {"step": "decision", "decisionId": "%s", "orgUnit": "%s", "occurredAt": "%s", \
                "sourceTool": "bulk-test", "actor": "u-4711", "title": "%s", "category": "operations", \
                "expectedOutcome": "Fewer failed jobs", "confidence": 0.7, "reviewBy": "%s"%s%s}""".formatted(
                        id,
                        orgUnit,
                        at,
                        title,
                        at.atZone(ZoneOffset.UTC).toLocalDate().plusDays(90),
                        informedBy == null ? "" : ", \"informedByLessonIds\": [\"" + informedBy + "\"]",
                        plan);
    }

    static String checkIn(String decisionId, Instant at, LocalDate scheduledFor, String indicator) {
        return """
                {"step": "check-in", "decisionId": "%s", "occurredAt": "%s", "sourceTool": "bulk-test", \
                "actor": "u-4711", "scheduledFor": "%s", "readings": [{"indicator": "%s", "value": "3"}], \
                "onTrack": false}""".formatted(decisionId, at, scheduledFor, indicator);
    }

    static String review(String id, String orgUnit, Instant at, String decisionId, String theme) {
        return """
                {"step": "review", "reviewId": "%s", "orgUnit": "%s", "occurredAt": "%s", "sourceTool": "bulk-test", \
                "actor": "u-4711", "decisionIds": ["%s"], "kind": "post-mortem", \
                "rootCauses": [{"theme": "%s", "text": "Nobody owned the dead letters"}], \
                "facilitated": true, "blameless": true, "participantCount": 5}""".formatted(id, orgUnit, at, decisionId, theme);
    }

    static String action(String id, String orgUnit, Instant at, String reviewId, LocalDate due) {
        return """
                {"step": "action", "actionId": "%s", "orgUnit": "%s", "occurredAt": "%s", "sourceTool": "bulk-test", \
                "actor": "u-4711", "reviewId": "%s", "owner": "u-0815", "dueDate": "%s", \
                "what": "Name an owner for the dead letters"}""".formatted(id, orgUnit, at, reviewId, due);
    }

    static String actionCompletion(String actionId, Instant at) {
        return """
                {"step": "action-completion", "actionId": "%s", "occurredAt": "%s", "sourceTool": "bulk-test", \
                "actor": "u-0815", "note": "Owner named"}""".formatted(actionId, at);
    }

    static String actionDrop(String actionId, Instant at) {
        return """
                {"step": "action-drop", "actionId": "%s", "occurredAt": "%s", "sourceTool": "bulk-test", \
                "actor": "u-0815", "reason": "Superseded by the new queue"}""".formatted(actionId, at);
    }

    static String lessonShare(String lessonId, Instant at, String sharedWith) {
        return """
                {"step": "lesson-share", "lessonId": "%s", "occurredAt": "%s", "sourceTool": "bulk-test", \
                "actor": "u-4711", "sharedWithOrgUnit": "%s"}""".formatted(lessonId, at, sharedWith);
    }

    private static LocalDate day(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate();
    }

    static String outcome(String decisionId, Instant at) {
        return """
                {"step": "outcome", "decisionId": "%s", "occurredAt": "%s", "sourceTool": "bulk-test", \
                "actor": "u-4711", "assessment": "worse-than-expected", "summary": "Failures moved, not vanished"}""".formatted(decisionId, at);
    }

    static String lesson(String id, String orgUnit, Instant at, String decisionId) {
        return """
                {"step": "lesson", "lessonId": "%s", "orgUnit": "%s", "occurredAt": "%s", "sourceTool": "bulk-test", \
                "actor": "u-4711", "decisionIds": ["%s"], "lesson": "Queues hide failures", \
                "thinkingChange": "We ask where a failure goes before we move it"}""".formatted(id, orgUnit, at, decisionId);
    }

    static String behaviorChange(String id, String orgUnit, Instant at, String decisionId, String lessonId) {
        return """
                {"step": "behavior-change", "behaviorChangeId": "%s", "orgUnit": "%s", "occurredAt": "%s", \
                "sourceTool": "bulk-test", "actor": "u-4711", "lessonIds": ["%s"], "decisionId": "%s", \
                "description": "Named an owner for the dead letters first"}""".formatted(id, orgUnit, at, lessonId, decisionId);
    }

    /** The line of an amendment: who corrects the step named by its id field, and the step as it should be. */
    static String amendment(String kind, String id, String correctionLine) {
        String correction = correctionLine.replaceFirst("^\\{\"step\": \"[a-z-]+\", ", "{");
        return """
                {"step": "%s-amendment", "%s": "%s", "sourceTool": "fix-tool", "actor": "u-0815", \
                "reason": "Entered wrongly", "correction": %s}""".formatted(kind, idField(kind), id, correction);
    }

    static String retraction(String kind, String id) {
        return """
                {"step": "%s-retraction", "%s": "%s", "sourceTool": "fix-tool", "actor": "u-0815", \
                "reason": "Posted by mistake"}""".formatted(kind, idField(kind), id);
    }

    private static String idField(String kind) {
        return switch (kind) {
            case "decision", "outcome" -> "decisionId";
            case "behavior-change" -> "behaviorChangeId";
            default -> kind + "Id";
        };
    }
}
