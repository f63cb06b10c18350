import com.fasterxml.jackson.databind.ObjectMapper;
import io.learningloop.contract.events.Assessment;
import io.learningloop.contract.events.DecisionCategory;
import io.learningloop.contract.events.ExtractionPractice;
import io.learningloop.contract.events.ReportedBy;
import io.learningloop.contract.events.ReviewKind;
import io.learningloop.codec.json.EventJson;
import io.learningloop.readmodel.ActionStatus;
import io.learningloop.readmodel.CheckInStatus;
import io.learningloop.readmodel.LessonDocument;
import io.learningloop.readmodel.LoopDocument;
import io.learningloop.readmodel.LoopStage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Loads N synthetic loops (and the lessons drawn from them) into the loops and lessons indices by
 * _bulk, for the analytics benchmark (docs/benchmarks.md "Analytics over 1,000,000 loops").
 *
 * <p>It bypasses the command service and the projections: the documents are the read-model records
 * themselves ({@link LoopDocument}, {@link LessonDocument}), serialized with the projections' own mapper
 * ({@link EventJson#newMapper()}), so their shape is the one the projections write, but their content is
 * synthetic and consistent only as far as the analytics read it (latencies agree with the dates, counts
 * with the lists). Deterministic: loop i is the same in every run (seeded by i).
 *
 * <p>Org units: bench/d{0..3}/g{0..4}/t{0..4} (100 teams under 25 groups under 4 divisions under one
 * root); 5,000 actors, each in one team; decisions uniformly over 2016-01-01 .. 2026-01-01.
 *
 * <p>Usage: java -cp CLASSPATH LoadLoops.java ES_URL USER PASSWORD PREFIX COUNT
 */
public class LoadLoops {

    static final Instant START = LocalDate.of(2016, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    static final long SPAN_SECONDS = Duration.ofDays(3653).toSeconds();
    static final int ACTORS = 5_000;
    static final int BATCH = 2_000;
    static final DecisionCategory[] CATEGORIES = DecisionCategory.values();
    static final Assessment[] ASSESSMENTS = Assessment.values();
    static final ReviewKind[] KINDS = ReviewKind.values();
    static final String[] THEMES = {"communication", "planning", "tooling", "staffing", "scope", "testing", "handover"};

    public static void main(String[] args) throws Exception {
        String es = args[0];
        String auth = "Basic " + Base64.getEncoder().encodeToString((args[1] + ":" + args[2]).getBytes(StandardCharsets.UTF_8));
        String prefix = args[3];
        int count = Integer.parseInt(args[4]);
        ObjectMapper json = EventJson.newMapper();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        long started = System.nanoTime();
        long lessonsWritten = 0;
        StringBuilder body = new StringBuilder();
        int inBatch = 0;
        for (int i = 0; i < count; i++) {
            Loop loop = loop(i);
            body.append("{\"index\":{\"_index\":\"").append(prefix).append("loops\",\"_id\":\"")
                    .append(loop.document.decisionId()).append("\"}}\n")
                    .append(json.writeValueAsString(loop.document)).append('\n');
            for (LessonDocument lesson : loop.lessons) {
                body.append("{\"index\":{\"_index\":\"").append(prefix).append("lessons\",\"_id\":\"")
                        .append(lesson.lessonId()).append("\"}}\n")
                        .append(json.writeValueAsString(lesson)).append('\n');
                lessonsWritten++;
            }
            if (++inBatch == BATCH || i == count - 1) {
                send(http, es, auth, body.toString());
                body.setLength(0);
                inBatch = 0;
                if ((i + 1) % 50_000 == 0 || i == count - 1) {
                    double seconds = (System.nanoTime() - started) / 1e9;
                    System.err.printf("[load] %,d loops, %,d lessons, %.0f s (%.0f loops/s)%n",
                            i + 1, lessonsWritten, seconds, (i + 1) / seconds);
                }
            }
        }
        HttpResponse<String> refresh = http.send(
                HttpRequest.newBuilder(URI.create(es + "/" + prefix + "loops," + prefix + "lessons/_refresh"))
                        .header("Authorization", auth).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        System.err.println("[load] refresh " + refresh.statusCode());
    }

    static void send(HttpClient http, String es, String auth, String body) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(es + "/_bulk?filter_path=errors,items.*.error"))
                        .header("Authorization", auth)
                        .header("Content-Type", "application/x-ndjson")
                        .timeout(Duration.ofMinutes(2))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || response.body().contains("\"errors\":true")) {
            throw new IllegalStateException("bulk failed: " + response.statusCode() + " "
                    + response.body().substring(0, Math.min(2_000, response.body().length())));
        }
    }

    record Loop(LoopDocument document, List<LessonDocument> lessons) {}

    static String team(int actor) {
        int t = actor % 100;
        return "bench/d" + (t / 25) + "/g" + (t / 5) + "/t" + t;
    }

    static List<String> path(String unit) {
        List<String> path = new ArrayList<>();
        int at = unit.indexOf('/');
        while (at > 0) {
            path.add(unit.substring(0, at));
            at = unit.indexOf('/', at + 1);
        }
        path.add(unit);
        return path;
    }

    static double days(Instant from, Instant to) {
        return Duration.between(from, to).toSeconds() / 86_400.0;
    }

    static Instant after(Instant from, SplittableRandom random, int maxDays) {
        // Skewed: most steps come soon, a few very late (latency distributions have long tails).
        double u = random.nextDouble();
        return from.plusSeconds((long) (u * u * maxDays * 86_400L) + 3_600);
    }

    static Loop loop(int i) {
        SplittableRandom random = new SplittableRandom(0x5EEDL * 1_000_003L + i);
        int actor = random.nextInt(ACTORS);
        String unit = team(actor);
        List<String> path = path(unit);
        String decisionId = String.format("bench-d-%07d", i);
        Instant decidedAt = START.plusSeconds(random.nextLong(SPAN_SECONDS));
        double confidence = Math.round(random.nextDouble() * 100) / 100.0;
        boolean uncertaintyStated = random.nextDouble() < 0.6;
        String who = "p-" + actor;

        List<LoopDocument.CheckIn> checkIns = new ArrayList<>();
        int planned = random.nextInt(3);
        int held = 0, missed = 0, late = 0;
        for (int c = 0; c < planned; c++) {
            LocalDate day = decidedAt.atZone(ZoneOffset.UTC).toLocalDate().plusDays(14L * (c + 1));
            double roll = random.nextDouble();
            if (roll < 0.6) {
                checkIns.add(new LoopDocument.CheckIn(day, CheckInStatus.HELD, day.atStartOfDay(ZoneOffset.UTC).toInstant(), random.nextBoolean()));
                held++;
            } else if (roll < 0.75) {
                checkIns.add(new LoopDocument.CheckIn(day, CheckInStatus.HELD_LATE, day.plusDays(5).atStartOfDay(ZoneOffset.UTC).toInstant(), random.nextBoolean()));
                late++;
            } else {
                checkIns.add(new LoopDocument.CheckIn(day, CheckInStatus.MISSED, null, null));
                missed++;
            }
        }

        LoopDocument.Outcome outcome = null;
        Instant outcomeAt = null;
        if (random.nextDouble() < 0.8) {
            outcomeAt = after(decidedAt, random, 365);
            ReportedBy reporter = random.nextDouble() < 0.7 ? ReportedBy.DECISION_OWNER : (random.nextBoolean() ? ReportedBy.OTHERS : ReportedBy.UNKNOWN);
            outcome = new LoopDocument.Outcome("bench-o-" + i, outcomeAt, ASSESSMENTS[random.nextInt(ASSESSMENTS.length)], "outcome of " + decisionId, unit, reporter, 1);
        }

        List<LoopDocument.ReviewRef> reviews = new ArrayList<>();
        List<LoopDocument.ActionRef> actions = new ArrayList<>();
        int completed = 0, dropped = 0, open = 0, overdue = 0;
        if (outcome != null && random.nextDouble() < 0.4) {
            Instant heldAt = after(outcomeAt, random, 30);
            String reviewId = "bench-r-" + i;
            List<String> themes = List.of(THEMES[random.nextInt(THEMES.length)]);
            reviews.add(new LoopDocument.ReviewRef(reviewId, heldAt, KINDS[random.nextInt(KINDS.length)], random.nextDouble() < 0.5, random.nextDouble() < 0.7, 2 + random.nextInt(6), themes, unit));
            int n = random.nextInt(3);
            for (int a = 0; a < n; a++) {
                LocalDate due = heldAt.atZone(ZoneOffset.UTC).toLocalDate().plusDays(30);
                double roll = random.nextDouble();
                ActionStatus status = roll < 0.6 ? ActionStatus.COMPLETED : roll < 0.75 ? ActionStatus.DROPPED : ActionStatus.OPEN;
                Instant endedAt = status == ActionStatus.OPEN ? null : after(heldAt, random, 60);
                boolean isOverdue = status == ActionStatus.OPEN || endedAt.isAfter(due.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
                switch (status) {
                    case COMPLETED -> completed++;
                    case DROPPED -> dropped++;
                    case OPEN -> open++;
                }
                if (isOverdue) overdue++;
                actions.add(new LoopDocument.ActionRef("bench-a-" + i + "-" + a, reviewId, "p-" + random.nextInt(ACTORS), due, heldAt, status, endedAt, isOverdue, 1));
            }
        }

        List<LoopDocument.LessonRef> lessonRefs = new ArrayList<>();
        List<LessonDocument> lessons = new ArrayList<>();
        List<LoopDocument.BehaviorChangeRef> changes = new ArrayList<>();
        Instant firstLessonAt = null, firstChangeAt = null;
        Double outcomeToLesson = null, decisionToChange = null;
        if (outcome != null && random.nextDouble() < 0.5) {
            Instant recordedAt = after(outcomeAt, random, 90);
            String lessonId = "bench-l-" + i;
            List<String> themes = List.of(THEMES[random.nextInt(THEMES.length)]);
            List<String> reviewIds = reviews.stream().map(LoopDocument.ReviewRef::reviewId).toList();
            ExtractionPractice practice = ExtractionPractice.values()[random.nextInt(ExtractionPractice.values().length)];
            lessonRefs.add(new LoopDocument.LessonRef(lessonId, recordedAt, unit, reviewIds, themes, practice));
            firstLessonAt = recordedAt;
            outcomeToLesson = days(outcomeAt, recordedAt);
            List<LessonDocument.ChangeRef> changeRefs = new ArrayList<>();
            Instant lessonChangeAt = null;
            if (random.nextDouble() < 0.45) {
                lessonChangeAt = after(recordedAt, random, 180);
                String changeId = "bench-b-" + i;
                String laterDecision = String.format("bench-d-%07d", random.nextInt(Math.max(1, i + 1)));
                changeRefs.add(new LessonDocument.ChangeRef(changeId, lessonChangeAt, laterDecision, unit, "did it differently"));
                changes.add(new LoopDocument.BehaviorChangeRef(changeId, lessonChangeAt, laterDecision, List.of(lessonId), unit));
                firstChangeAt = lessonChangeAt;
                decisionToChange = days(decidedAt, lessonChangeAt);
            }
            List<String> shared = random.nextDouble() < 0.2 ? List.of(team(random.nextInt(ACTORS))) : List.of();
            lessons.add(new LessonDocument(lessonId, unit, path, recordedAt, who, "lesson of " + decisionId, "thinking changed",
                    List.of(decisionId), reviewIds, themes, practice, 1L, changeRefs, changeRefs.size(), shared, shared.size(),
                    !changeRefs.isEmpty(), lessonChangeAt, lessonChangeAt == null ? null : days(recordedAt, lessonChangeAt),
                    List.of(), false));
        }

        LoopStage stage = !changes.isEmpty() ? LoopStage.BEHAVIOR_CHANGED
                : !lessonRefs.isEmpty() ? LoopStage.LESSON_LEARNED
                : outcome != null ? LoopStage.OUTCOME_OBSERVED : LoopStage.DECIDED;
        LoopDocument.Latency latency = new LoopDocument.Latency(
                outcomeAt == null ? null : days(decidedAt, outcomeAt), outcomeToLesson, decisionToChange);
        LoopDocument document = new LoopDocument(
                decisionId, unit, path, CATEGORIES[random.nextInt(CATEGORIES.length)], "decision " + i, "it works",
                confidence, decidedAt.atZone(ZoneOffset.UTC).toLocalDate().plusDays(90), List.of(), List.of("indicator"),
                uncertaintyStated ? List.of("what we do not know") : List.of(), uncertaintyStated, who, "bench", decidedAt, 1L,
                outcome, lessonRefs, changes, List.of(), List.of(), reviews, actions, List.of(), checkIns, stage,
                lessonRefs.size(), changes.size(), reviews.size(),
                new LoopDocument.ActionCounts(actions.size(), completed, dropped, open, overdue),
                new LoopDocument.CheckInCounts(planned, held + late, missed, late),
                firstLessonAt, firstChangeAt, latency, List.of(), List.of(), false);
        return new Loop(document, lessons);
    }
}
