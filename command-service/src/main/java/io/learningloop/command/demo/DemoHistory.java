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
 *
 * <p>The core of each loop (decision, outcome, lesson, behaviour change) draws from its own random
 * sequence; the rest of the loop (check-ins, reviews and actions, who reported, lesson shares) comes
 * from {@link DecisionPlans}, {@link Reviews} and {@link Reporting}, each with its own sequence. So
 * adding to one part never reshuffles the dates of another, and the conversion story stays put.
 */
final class DemoHistory {

    /** One POST: where to, and the JSON body as a map. */
    record Step(Instant occurredAt, Order order, String path, Map<String, Object> body) {}

    /** Steps at the same instant are posted in the loop's order, so no step precedes one it names. */
    enum Order {
        DECISION,
        CHECK_IN,
        OUTCOME,
        REVIEW,
        ACTION,
        ACTION_END,
        LESSON,
        LESSON_SHARE,
        BEHAVIOR_CHANGE
    }

    record Decision(String id, DemoUnit unit, Instant at) {}

    private static final int FIRST_YEAR = 2023;
    private static final int YEARS = 3;
    private static final int DECISIONS_PER_MONTH = 2;
    /** Nothing after this: the history is the same whatever day it is loaded on. */
    static final Instant HORIZON = Instant.parse("2026-06-30T00:00:00Z");

    static final String TOOL = "demo-loader";

    private final Random random = new Random(20231);
    private final DecisionPlans plans = new DecisionPlans(new Random(20232));
    private final Reviews reviews = new Reviews(new Random(20233));
    private final Reporting reporting = new Reporting(new Random(20234));
    private final Random drawingOut = new Random(20235);
    private final Random carrying = new Random(20236);
    private final List<Step> steps = new ArrayList<>();
    private final List<Decision> decisions = new ArrayList<>();
    private final Map<String, String> informedBy = new LinkedHashMap<>();
    private int lessons;
    private int changes;

    List<Step> steps() {
        for (DemoUnit unit : DemoUnit.ALL) {
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
    private void decide(DemoUnit unit, int year, int month, int nth) {
        String id = "demo-%s-%d-%02d-%d".formatted(unit.path().replace('/', '-'), FIRST_YEAR + year, month, nth);
        Instant decidedAt = LocalDate.of(FIRST_YEAR + year, month, 3 + random.nextInt(22))
                .atStartOfDay(ZoneOffset.UTC)
                .plusHours(9 + random.nextInt(8))
                .toInstant();
        Decision decision = new Decision(id, unit, decidedAt);
        decisions.add(decision);
        if (random.nextDouble() > 0.8) {
            return;
        }
        double speed = Math.pow(unit.speedUpPerYear(), year);
        Instant outcomeAt = decidedAt.plus(Math.round((20 + random.nextInt(100)) * speed), ChronoUnit.DAYS);
        String outcomeActor = actor(random);
        String assessment = pick("better-than-expected", "as-expected", "worse-than-expected", "failed");
        Map<String, Object> outcome = body(outcomeAt, outcomeActor);
        outcome.put("assessment", assessment);
        outcome.put("summary", "Observed at the review of " + id);
        outcome.put("reportedBy", reporting.reportedBy(unit));
        steps.add(new Step(outcomeAt, Order.OUTCOME, "/decisions/" + id + "/outcome", outcome));
        Reviews.Held review = reviews.after(decision, outcomeAt, assessment);
        steps.addAll(review.steps());
        if (random.nextDouble() > 0.7) {
            return;
        }
        Instant lessonAt = outcomeAt.plus(Math.round((5 + random.nextInt(35)) * speed), ChronoUnit.DAYS);
        String lessonId = "demo-lesson-%03d".formatted(++lessons);
        Map<String, Object> lesson = body(lessonAt, actor(random));
        lesson.put("lessonId", lessonId);
        lesson.put("orgUnit", unit.path());
        lesson.put("decisionIds", List.of(id));
        lesson.put("lesson", "What " + id + " taught us");
        lesson.put("thinkingChange", "We now check the assumption behind " + id + " before deciding");
        List<String> themes = review.before(lessonAt) ? review.themes() : List.of();
        lesson.put("reviewIds", review.before(lessonAt) ? List.of(review.reviewId()) : List.of());
        lesson.put("themes", themes);
        lesson.put("extractionPractice", extraction(unit));
        steps.add(new Step(lessonAt, Order.LESSON, "/lessons", lesson));
        steps.addAll(reporting.shares(lessonId, unit, lessonAt));
        reviews.learned(unit, themes, lessonAt);
        if (random.nextDouble() < unit.conversionByYear()[year]) {
            changeLater(
                    unit,
                    lessonId,
                    lessonAt.plus(Math.round((15 + random.nextInt(150)) * speed), ChronoUnit.DAYS),
                    random);
            // Up to two decisions of the next year's planning shaped by it again.
            for (int again = 0; again < 2 && carrying.nextDouble() < unit.carriesOver(); again++) {
                changeLater(unit, lessonId, lessonAt.plus(200 + carrying.nextInt(200), ChronoUnit.DAYS), carrying);
            }
        }
    }

    /**
     * A later decision, in the unit or (a quarter of the time) elsewhere, made differently because of the
     * lesson; {@code draws} is the sequence it draws from (the carried-over changes have their own, so
     * that they leave the rest of the history as it was).
     */
    private void changeLater(DemoUnit unit, String lessonId, Instant changedAt, Random draws) {
        DemoUnit changedIn = draws.nextDouble() < 0.25 ? DemoUnit.ALL.get(draws.nextInt(DemoUnit.ALL.size())) : unit;
        String laterId = "demo-changed-%03d".formatted(++changes);
        decisions.add(new Decision(laterId, changedIn, changedAt));
        informedBy.put(laterId, lessonId);
        Map<String, Object> change = body(changedAt, actor(draws));
        change.put("behaviorChangeId", "demo-change-%03d".formatted(changes));
        change.put("orgUnit", changedIn.path());
        change.put("lessonIds", List.of(lessonId));
        change.put("decisionId", laterId);
        change.put("description", "Decided differently because of " + lessonId);
        steps.add(new Step(changedAt, Order.BEHAVIOR_CHANGE, "/behavior-changes", change));
    }

    private void postDecision(Decision decision) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decisionId", decision.id());
        body.put("orgUnit", decision.unit().path());
        body.put("occurredAt", decision.at().toString());
        body.put("sourceTool", TOOL);
        body.put("actor", actor(random));
        body.put("title", "Decision " + decision.id());
        body.put(
                "category",
                decision.unit().categories()[random.nextInt(decision.unit().categories().length)]);
        body.put("expectedOutcome", "What we expect from " + decision.id());
        body.put("confidence", Math.round((0.4 + random.nextDouble() * 0.55) * 100) / 100.0);
        body.put(
                "reviewBy",
                decision.at().atZone(ZoneOffset.UTC).toLocalDate().plusMonths(3).toString());
        body.put(
                "informedByLessonIds",
                informedBy.containsKey(decision.id()) ? List.of(informedBy.get(decision.id())) : List.of());
        DecisionPlans.Plan plan = plans.plan(decision);
        body.put(
                "checkInDates",
                plan.checkInDates().stream().map(LocalDate::toString).toList());
        body.put("leadingIndicators", plan.leadingIndicators());
        body.put("uncertainties", plan.uncertainties());
        steps.add(new Step(decision.at(), Order.DECISION, "/decisions", body));
        steps.addAll(plans.checkInsHeld(decision, plan));
    }

    /** Units that facilitate their reviews also draw their lessons out in conversation; the others write them down. */
    private String extraction(DemoUnit unit) {
        if (drawingOut.nextDouble() >= unit.habits().facilitated()) {
            return "document-only";
        }
        return List.of("storytelling", "facilitated-challenge", "pairing").get(drawingOut.nextInt(3));
    }

    /** The fields every step has apart from its org unit: when, from which tool, by whom. */
    static Map<String, Object> body(Instant occurredAt, String actor) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("occurredAt", occurredAt.toString());
        body.put("sourceTool", TOOL);
        body.put("actor", actor);
        return body;
    }

    /** One of forty people, as the demo's tools know them; the service stores only their pseudonyms. */
    static String actor(Random random) {
        return "u-" + (1000 + random.nextInt(40));
    }

    private String pick(String... values) {
        return values[random.nextInt(values.length)];
    }
}
