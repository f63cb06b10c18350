package io.learningloop.command.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates the demo steps. Some units learn (their loops close faster and more lessons change later
 * decisions each year), others hold the ritual without the change, so the metrics tell a story.
 * The same seed always gives the same steps, so loading twice changes nothing.
 */
final class DemoHistory {

    /** One POST: where to, and the JSON body as a map. */
    record Step(Instant occurredAt, int order, String path, Map<String, Object> body) {
    }

    private record Unit(String path, String[] categories, double[] conversionByYear, double speedUpPerYear) {
    }

    private record Decision(String id, Unit unit, Instant at) {
    }

    private static final List<Unit> UNITS = List.of(
            new Unit("acme/eng/platform", new String[] {"operations", "product"}, new double[] {0.3, 0.5, 0.7}, 0.75),
            new Unit("acme/eng/data", new String[] {"product", "operations"}, new double[] {0.2, 0.25, 0.3}, 0.9),
            new Unit("acme/product/growth", new String[] {"product", "strategy"}, new double[] {0.4, 0.4, 0.4}, 1.0),
            new Unit("acme/sales/emea", new String[] {"strategy", "talent"}, new double[] {0.1, 0.1, 0.15}, 1.0),
            new Unit("acme/people", new String[] {"talent", "org-design"}, new double[] {0.2, 0.35, 0.5}, 0.8));
    private static final int FIRST_YEAR = 2023;
    private static final int YEARS = 3;
    private static final int DECISIONS_PER_MONTH = 2;
    /** Nothing after this: the history is the same whatever day it is loaded on. */
    static final Instant HORIZON = Instant.parse("2026-06-30T00:00:00Z");
    private static final String TOOL = "demo-loader";

    private final Random random = new Random(20231);
    private final List<Step> steps = new ArrayList<>();
    private final List<Decision> decisions = new ArrayList<>();
    private final Map<String, String> informedBy = new LinkedHashMap<>();
    private int lessons;
    private int changes;

    List<Step> steps() {
        for (Unit unit : UNITS) {
            for (int year = 0; year < YEARS; year++) {
                for (int month = 1; month <= 12; month++) {
                    for (int nth = 1; nth <= DECISIONS_PER_MONTH; nth++) {
                        decide(unit, year, month, nth);
                    }
                }
            }
        }
        decisions.forEach(this::postDecision);
        steps.removeIf(step -> step.occurredAt().isAfter(HORIZON));
        steps.sort(Comparator.comparing(Step::occurredAt).thenComparing(Step::order));
        return List.copyOf(steps);
    }

    /** A decision, then maybe its outcome, a lesson, and a later decision changed by that lesson. */
    private void decide(Unit unit, int year, int month, int nth) {
        String id = "demo-%s-%d-%02d-%d".formatted(unit.path().replace('/', '-'), FIRST_YEAR + year, month, nth);
        Instant decidedAt = LocalDate.of(FIRST_YEAR + year, month, 3 + random.nextInt(22))
                .atStartOfDay(ZoneOffset.UTC).plusHours(9 + random.nextInt(8)).toInstant();
        Decision decision = new Decision(id, unit, decidedAt);
        decisions.add(decision);
        if (random.nextDouble() > 0.8) {
            return;
        }
        double speed = Math.pow(unit.speedUpPerYear(), year);
        Instant outcomeAt = decidedAt.plus(Math.round((20 + random.nextInt(100)) * speed), ChronoUnit.DAYS);
        steps.add(new Step(outcomeAt, 1, "/decisions/" + id + "/outcome", Map.of(
                "occurredAt", outcomeAt.toString(), "sourceTool", TOOL, "actor", actor(),
                "assessment", pick("better-than-expected", "as-expected", "worse-than-expected", "failed"),
                "summary", "Observed at the review of " + id)));
        if (random.nextDouble() > 0.7) {
            return;
        }
        Instant lessonAt = outcomeAt.plus(Math.round((5 + random.nextInt(35)) * speed), ChronoUnit.DAYS);
        String lessonId = "demo-lesson-%03d".formatted(++lessons);
        steps.add(new Step(lessonAt, 2, "/lessons", Map.of(
                "lessonId", lessonId, "orgUnit", unit.path(), "occurredAt", lessonAt.toString(), "sourceTool", TOOL,
                "actor", actor(), "decisionIds", List.of(id), "lesson", "What " + id + " taught us",
                "thinkingChange", "We now check the assumption behind " + id + " before deciding")));
        if (random.nextDouble() < unit.conversionByYear()[year]) {
            Instant changedAt = lessonAt.plus(Math.round((15 + random.nextInt(150)) * speed), ChronoUnit.DAYS);
            Unit changedIn = random.nextDouble() < 0.25 ? UNITS.get(random.nextInt(UNITS.size())) : unit;
            String laterId = "demo-changed-%03d".formatted(++changes);
            decisions.add(new Decision(laterId, changedIn, changedAt));
            informedBy.put(laterId, lessonId);
            steps.add(new Step(changedAt, 3, "/behavior-changes", Map.of(
                    "behaviorChangeId", "demo-change-%03d".formatted(changes), "orgUnit", changedIn.path(),
                    "occurredAt", changedAt.toString(), "sourceTool", TOOL, "actor", actor(),
                    "lessonIds", List.of(lessonId), "decisionId", laterId,
                    "description", "Decided differently because of " + lessonId)));
        }
    }

    private void postDecision(Decision decision) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decisionId", decision.id());
        body.put("orgUnit", decision.unit().path());
        body.put("occurredAt", decision.at().toString());
        body.put("sourceTool", TOOL);
        body.put("actor", actor());
        body.put("title", "Decision " + decision.id());
        body.put("category", decision.unit().categories()[random.nextInt(decision.unit().categories().length)]);
        body.put("expectedOutcome", "What we expect from " + decision.id());
        body.put("confidence", Math.round((0.4 + random.nextDouble() * 0.55) * 100) / 100.0);
        body.put("reviewBy", decision.at().atZone(ZoneOffset.UTC).toLocalDate().plusMonths(3).toString());
        body.put("informedByLessonIds", informedBy.containsKey(decision.id())
                ? List.of(informedBy.get(decision.id())) : List.of());
        steps.add(new Step(decision.at(), 0, "/decisions", body));
    }

    private String actor() {
        return "u-" + (1000 + random.nextInt(40));
    }

    private String pick(String... values) {
        return values[random.nextInt(values.length)];
    }
}
