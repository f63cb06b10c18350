package io.learningloop.command.demo;

import io.learningloop.command.demo.DemoHistory.Decision;
import io.learningloop.command.demo.DemoHistory.Order;
import io.learningloop.command.demo.DemoHistory.Step;
import io.learningloop.command.domain.RootCauseThemes;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Reviews of decisions whose outcome is known, with themed root causes, and the actions they assign.
 * Most actions are completed, some dropped with a reason, some left open: the platform records those
 * overdue itself once their due date passes. The learning units follow through more.
 */
final class Reviews {

    private static final Map<String, String> CAUSES = Map.of(
            "assumptions", "We took the demand for granted",
            "information", "The numbers we needed came a month late",
            "communication", "The teams affected heard of it last",
            "ownership", "Nobody owned the follow-up",
            "process", "The hand-over had no checklist",
            "capacity", "The team was booked twice over",
            "skills", "Nobody had run such a migration before",
            "tooling", "The dashboards hid the failures",
            "incentives", "Targets rewarded speed over quality",
            "external", "A supplier changed its terms mid-way");
    private static final Map<String, String> ACTIONS = Map.of(
            "assumptions", "Write down the assumptions and how we would notice they fail",
            "information", "Get the numbers weekly instead of monthly",
            "communication", "Tell the affected teams before the start",
            "ownership", "Name an owner for the follow-up",
            "process", "Add a checklist to the hand-over",
            "capacity", "Free a person for the next change of this size",
            "skills", "Pair with a team that has done it",
            "tooling", "Alert on the failure path, not only the happy one",
            "incentives", "Balance the speed target with a quality target",
            "external", "Agree a notice period with the supplier");
    /** The causes a ritual unit keeps finding. */
    /** A learning unit's next cause is one of this many it learned about longest ago. */
    private static final int LEAST_RECENT = 3;

    private static final List<String> RITUAL_THEMES = List.of("assumptions", "incentives", "communication");

    private static final List<String> DROP_REASONS = List.of(
            "Superseded by a reorganisation",
            "Not worth it any more after the next release",
            "The owner left and nobody took it over");

    private final Random random;
    private int reviews;
    private int actions;
    /** Per unit, when it last drew a lesson on each theme: a learning unit digs elsewhere next. */
    private final Map<String, Map<String, Instant>> learned = new HashMap<>();

    /** A review held, and what the lessons drawn after it name: the review and its root-cause themes. */
    record Held(List<Step> steps, String reviewId, Instant heldAt, List<String> themes) {
        static final Held NONE = new Held(List.of(), null, null, List.of());

        /** A lesson recorded before the review cannot name it, nor take its themes. */
        boolean before(Instant lessonAt) {
            return heldAt != null && !heldAt.isAfter(lessonAt);
        }
    }

    Reviews(Random random) {
        this.random = random;
    }

    /**
     * The unit drew a lesson on these themes. A unit that learns stops finding them as root causes for a
     * while; a ritual unit ({@code DemoUnit.relearns}) keeps finding them.
     */
    void learned(DemoUnit unit, List<String> themes, Instant at) {
        Map<String, Instant> unitLearned = learned.computeIfAbsent(unit.path(), path -> new HashMap<>());
        themes.forEach(theme -> unitLearned.merge(theme, at, (a, b) -> a.isAfter(b) ? a : b));
    }

    /** Maybe a review of the decision a few days after its outcome, and the actions it assigned. */
    Held after(Decision decision, Instant outcomeAt, String assessment) {
        DemoUnit.Habits habits = decision.unit().habits();
        if (random.nextDouble() >= habits.reviews()) {
            return Held.NONE;
        }
        Instant heldAt = outcomeAt.plus(Duration.ofDays(1 + random.nextInt(4)).plusHours(random.nextInt(6)));
        String reviewId = "demo-review-%03d".formatted(++reviews);
        List<String> themes = themes(decision.unit(), heldAt, 1 + random.nextInt(3));
        Map<String, Object> review = DemoHistory.body(heldAt, DemoHistory.actor(random));
        review.put("reviewId", reviewId);
        review.put("orgUnit", decision.unit().path());
        review.put("decisionIds", List.of(decision.id()));
        review.put("kind", kind(assessment));
        review.put(
                "rootCauses",
                themes.stream()
                        .map(theme -> Map.of("theme", theme, "text", CAUSES.get(theme)))
                        .toList());
        review.put("facilitated", random.nextDouble() < habits.facilitated());
        review.put("blameless", random.nextDouble() < habits.blameless());
        review.put("participantCount", 3 + random.nextInt(8));
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(heldAt, Order.REVIEW, "/reviews", review));
        int count = Math.min(themes.size(), 1 + random.nextInt(2));
        for (int i = 0; i < count; i++) {
            steps.addAll(action(decision.unit(), reviewId, heldAt.plus(Duration.ofHours(1)), themes.get(i)));
        }
        return new Held(List.copyOf(steps), reviewId, heldAt, themes);
    }

    /** An action of the review, then what became of it: completed, dropped, or nothing (left open). */
    private List<Step> action(DemoUnit unit, String reviewId, Instant assignedAt, String theme) {
        String actionId = "demo-action-%03d".formatted(++actions);
        int dueInDays = 14 + random.nextInt(32);
        LocalDate due = assignedAt.atZone(ZoneOffset.UTC).toLocalDate().plusDays(dueInDays);
        Map<String, Object> assigned = DemoHistory.body(assignedAt, DemoHistory.actor(random));
        assigned.put("actionId", actionId);
        assigned.put("orgUnit", unit.path());
        assigned.put("reviewId", reviewId);
        assigned.put("owner", DemoHistory.actor(random));
        assigned.put("dueDate", due.toString());
        assigned.put("what", ACTIONS.get(theme));
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(assignedAt, Order.ACTION, "/actions", assigned));
        double fate = random.nextDouble();
        if (fate < unit.habits().completes()) {
            // some are done after their due date: late, but done
            Instant doneAt = assignedAt.plus(Duration.ofDays(2 + random.nextInt(dueInDays + 10)));
            Map<String, Object> done = DemoHistory.body(doneAt, DemoHistory.actor(random));
            done.put("note", "Done as agreed in " + reviewId);
            steps.add(new Step(doneAt, Order.ACTION_END, "/actions/" + actionId + "/completion", done));
        } else if (fate < unit.habits().completes() + unit.habits().drops()) {
            Instant droppedAt = assignedAt.plus(Duration.ofDays(5 + random.nextInt(30)));
            Map<String, Object> dropped = DemoHistory.body(droppedAt, DemoHistory.actor(random));
            dropped.put("reason", DROP_REASONS.get(random.nextInt(DROP_REASONS.size())));
            steps.add(new Step(droppedAt, Order.ACTION_END, "/actions/" + actionId + "/drop", dropped));
        }
        return steps;
    }

    /** A bad surprise gets a post-mortem; the rest an after-action review or a retrospective. */
    private String kind(String assessment) {
        if (assessment.equals("worse-than-expected") || assessment.equals("failed")) {
            return "post-mortem";
        }
        return random.nextBoolean() ? "after-action-review" : "retrospective";
    }

    /**
     * A ritual unit finds two or three of the same few causes again and again. A learning unit digs to
     * one cause, and one it has not drawn a lesson on lately: one of the three it learned about longest
     * ago (or never).
     */
    private List<String> themes(DemoUnit unit, Instant heldAt, int count) {
        if (unit.relearns()) {
            List<String> left = new ArrayList<>(RITUAL_THEMES);
            List<String> chosen = new ArrayList<>();
            for (int i = 0; i < Math.max(2, count); i++) {
                chosen.add(left.remove(random.nextInt(left.size())));
            }
            return List.copyOf(chosen);
        }
        Map<String, Instant> unitLearned = learned.getOrDefault(unit.path(), Map.of());
        List<String> byAge = RootCauseThemes.STANDARD.stream()
                .sorted(Comparator.comparing(theme -> unitLearned.getOrDefault(theme, Instant.MIN)))
                .toList();
        return List.of(byAge.get(random.nextInt(LEAST_RECENT)));
    }
}
