package io.learningloop.analytics.verdicts;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.learningloop.contract.OrgUnits;
import io.learningloop.contract.events.ReviewKind;
import io.learningloop.projection.elasticsearch.IndexTemplates;
import io.learningloop.projection.elasticsearch.Indices;
import io.learningloop.readmodel.ActionStatus;
import io.learningloop.readmodel.CheckInStatus;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small history in acme/qa, written straight into the loops and lessons indices as the query service
 * and the lessons projection store them (only the parts the verdicts and panels read). Every expected
 * value of the tests that use it is worked out by hand in those tests from what is listed here.
 *
 * <pre>
 * loop  unit         decided      review (held, themes, blameless)          actions      check-ins          uncertainty
 * d1    acme/qa      2025-01-10   r1 2025-02-01 [handoff] blameless         x1 done      held, held late    stated
 * d2    acme/qa      2025-06-01   -  (applies b1: l1 changed it)            -            held, missed,      -
 *                                                                                        planned 2099-01-01
 * d3    acme/qa      2024-03-01   r2 2024-04-01 [] not blameless           x2 open      -                  -
 * d4    acme/qa/sub  2025-03-01   r3 2025-04-01 [handoff, tooling] not      x3 done,     held               stated
 *                                                                           x4 open
 * d5    acme/qa      now-20 days  r4 now-10 days [tooling] blameless        -            -                  -
 * d6    acme/qa      2025-07-01   r6 2025-07-02 [handoff]  (loop RETRACTED) -            -                  -
 * d7    acme/qa      2025-08-01   r5 2025-08-15 [] not blameless            -            -                  -
 *
 * lesson unit         recorded     themes     drawn from    in loop   changed
 * l1     acme/qa      2025-02-05   [handoff]  r1 (names it)  d1        d2 (b1, 2025-06-01)
 * l2     acme/qa/sub  2025-03-15   [tooling]  -             d4        -
 * l3     acme/qa      2025-05-01   [budget]   -             -         -
 * l4     acme/qa      2025-05-02   []         -             -         -
 * l5     acme/qa      2025-06-01   [handoff]  (RETRACTED)   -         -
 * </pre>
 */
final class VerdictHistory {

    static final String UNIT = "acme/qa";
    static final String SUB = "acme/qa/sub";

    /** Relative to the run, so that r4 stays inside its 180-day window whenever the test runs. */
    static final Instant PENDING_HELD =
            Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(10));

    static final Instant PENDING_DECIDED = PENDING_HELD.minus(Duration.ofDays(10));

    private final ElasticsearchClient elasticsearch;
    private final Indices indices;

    VerdictHistory(ElasticsearchClient elasticsearch, Indices indices) {
        this.elasticsearch = elasticsearch;
        this.indices = indices;
    }

    void write() throws IOException {
        // The query service installs the loops template (analytics may only read that index).
        IndexTemplates.install(elasticsearch, indices, List.of(indices.loops(), indices.lessons()));
        Map<String, Object> l1 = lessonRef("l1", UNIT, "2025-02-05T00:00:00Z", List.of("r1"), List.of("handoff"));
        Map<String, Object> b1 = Map.of(
                "behaviorChangeId", "b1",
                "changedAt", "2025-06-01T00:00:00Z",
                "decisionId", "d2",
                "lessonIds", List.of("l1"),
                "orgUnit", UNIT);

        Map<String, Object> d1 = loop("d1", UNIT, "2025-01-10T00:00:00Z", "p-1", true);
        d1.put("reviews", List.of(review("r1", UNIT, "2025-02-01T00:00:00Z", List.of("handoff"), true)));
        d1.put("actions", List.of(action("x1", "r1", ActionStatus.COMPLETED)));
        d1.put("lessons", List.of(l1));
        d1.put("behaviorChanges", List.of(b1));
        checkIns(d1, CheckInStatus.HELD, CheckInStatus.HELD_LATE);
        loopDocument(d1);

        Map<String, Object> d2 = loop("d2", UNIT, "2025-06-01T00:00:00Z", "p-2", false);
        d2.put("appliedChanges", List.of(b1));
        d2.put("appliedLessonIds", List.of("l1"));
        d2.put("appliedInBehaviorChangeIds", List.of("b1"));
        checkIns(d2, CheckInStatus.HELD, CheckInStatus.MISSED, CheckInStatus.PLANNED);
        loopDocument(d2);

        Map<String, Object> d3 = loop("d3", UNIT, "2024-03-01T00:00:00Z", "p-3", false);
        d3.put("reviews", List.of(review("r2", UNIT, "2024-04-01T00:00:00Z", List.of(), false)));
        d3.put("actions", List.of(action("x2", "r2", ActionStatus.OPEN)));
        loopDocument(d3);

        Map<String, Object> d4 = loop("d4", SUB, "2025-03-01T00:00:00Z", "p-4", true);
        d4.put("reviews", List.of(review("r3", SUB, "2025-04-01T00:00:00Z", List.of("handoff", "tooling"), false)));
        d4.put("actions", List.of(action("x3", "r3", ActionStatus.COMPLETED), action("x4", "r3", ActionStatus.OPEN)));
        d4.put("lessons", List.of(lessonRef("l2", SUB, "2025-03-15T00:00:00Z", List.of(), List.of("tooling"))));
        checkIns(d4, CheckInStatus.HELD);
        loopDocument(d4);

        Map<String, Object> d5 = loop("d5", UNIT, PENDING_DECIDED.toString(), "p-5", false);
        d5.put("reviews", List.of(review("r4", UNIT, PENDING_HELD.toString(), List.of("tooling"), true)));
        loopDocument(d5);

        Map<String, Object> d6 = loop("d6", UNIT, "2025-07-01T00:00:00Z", "p-6", false);
        d6.put("reviews", List.of(review("r6", UNIT, "2025-07-02T00:00:00Z", List.of("handoff"), true)));
        d6.put("retracted", true);
        loopDocument(d6);

        Map<String, Object> d7 = loop("d7", UNIT, "2025-08-01T00:00:00Z", "p-7", false);
        d7.put("reviews", List.of(review("r5", UNIT, "2025-08-15T00:00:00Z", List.of(), false)));
        loopDocument(d7);

        lesson("l1", UNIT, "2025-02-05T00:00:00Z", List.of("handoff"), List.of("r1"), List.of("d1"), false);
        lesson("l2", SUB, "2025-03-15T00:00:00Z", List.of("tooling"), List.of(), List.of("d4"), false);
        lesson("l3", UNIT, "2025-05-01T00:00:00Z", List.of("budget"), List.of(), List.of(), false);
        lesson("l4", UNIT, "2025-05-02T00:00:00Z", List.of(), List.of(), List.of(), false);
        lesson("l5", UNIT, "2025-06-01T00:00:00Z", List.of("handoff"), List.of(), List.of(), true);
        refresh();
    }

    /** A correction arrived: the loop (its decision retracted) or the lesson counts nowhere from now on. */
    void retract(String index, String id) throws IOException {
        elasticsearch.update(update -> update.index(index).id(id).doc(Map.of("retracted", true)), Map.class);
        refresh();
    }

    void refresh() throws IOException {
        elasticsearch.indices().refresh(refresh -> refresh.index(indices.loops(), indices.lessons()));
    }

    private static Map<String, Object> loop(
            String id, String unit, String decidedAt, String actor, boolean uncertaintyStated) {
        Map<String, Object> loop = new HashMap<>();
        loop.put("decisionId", id);
        loop.put("orgUnit", unit);
        loop.put("orgUnitPath", OrgUnits.selfAndAncestors(unit));
        loop.put("decidedAt", decidedAt);
        loop.put("actor", actor);
        loop.put("uncertaintyStated", uncertaintyStated);
        loop.put("retracted", false);
        return loop;
    }

    private static Map<String, Object> review(
            String id, String unit, String heldAt, List<String> themes, boolean blameless) {
        return Map.of(
                "reviewId", id,
                "heldAt", heldAt,
                "kind", ReviewKind.RETROSPECTIVE.wireName(),
                "facilitated", false,
                "blameless", blameless,
                "participantCount", 3,
                "rootCauseThemes", themes,
                "orgUnit", unit);
    }

    private static Map<String, Object> action(String id, String reviewId, ActionStatus status) {
        return Map.of(
                "actionId",
                id,
                "reviewId",
                reviewId,
                "owner",
                "o-" + id,
                "dueDate",
                "2099-01-01",
                "status",
                status.wireName(),
                "overdue",
                false,
                "sequence",
                0);
    }

    private static Map<String, Object> lessonRef(
            String id, String unit, String recordedAt, List<String> reviewIds, List<String> themes) {
        return Map.of(
                "lessonId", id, "recordedAt", recordedAt, "orgUnit", unit, "reviewIds", reviewIds, "themes", themes);
    }

    /** Held ones on 2025-01-01 (the day is all the check-in discipline reads), the planned one in 2099. */
    private static void checkIns(Map<String, Object> loop, CheckInStatus... statuses) {
        int held = 0;
        int late = 0;
        int missed = 0;
        List<Map<String, Object>> checkIns = new java.util.ArrayList<>();
        for (CheckInStatus status : statuses) {
            held += status == CheckInStatus.HELD ? 1 : 0;
            late += status == CheckInStatus.HELD_LATE ? 1 : 0;
            missed += status == CheckInStatus.MISSED ? 1 : 0;
            checkIns.add(Map.of(
                    "scheduledFor",
                    status == CheckInStatus.PLANNED ? "2099-01-01" : "2025-01-01",
                    "status",
                    status.wireName()));
        }
        loop.put("checkIns", checkIns);
        loop.put("checkInCounts", Map.of("planned", statuses.length, "held", held, "missed", missed, "heldLate", late));
    }

    private void loopDocument(Map<String, Object> loop) throws IOException {
        elasticsearch.index(index ->
                index.index(indices.loops()).id((String) loop.get("decisionId")).document(loop));
    }

    private void lesson(
            String id,
            String unit,
            String recordedAt,
            List<String> themes,
            List<String> reviewIds,
            List<String> decisionIds,
            boolean retracted)
            throws IOException {
        Map<String, Object> lesson = new HashMap<>();
        lesson.put("lessonId", id);
        lesson.put("orgUnit", unit);
        lesson.put("orgUnitPath", OrgUnits.selfAndAncestors(unit));
        lesson.put("recordedAt", recordedAt);
        lesson.put("actor", "u-" + id);
        lesson.put("themes", themes);
        lesson.put("reviewIds", reviewIds);
        lesson.put("decisionIds", decisionIds);
        lesson.put("converted", id.equals("l1"));
        if (id.equals("l1")) {
            // as the lessons projection keeps it: the change that cites it (the evidence answer reads it)
            lesson.put(
                    "behaviorChanges",
                    List.of(Map.of(
                            "behaviorChangeId", "b1",
                            "changedAt", "2025-06-01T00:00:00Z",
                            "decisionId", "d2",
                            "orgUnit", UNIT)));
            lesson.put("behaviorChangeCount", 1);
        }
        lesson.put("retracted", retracted);
        elasticsearch.index(index -> index.index(indices.lessons()).id(id).document(lesson));
    }
}
