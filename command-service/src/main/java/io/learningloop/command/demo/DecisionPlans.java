package io.learningloop.command.demo;

import io.learningloop.command.demo.DemoHistory.Decision;
import io.learningloop.command.demo.DemoHistory.Order;
import io.learningloop.command.demo.DemoHistory.Step;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What a decision plans besides its outcome: 0-3 check-ins against 1-2 leading indicators, and what its
 * makers do not know. Some planned check-ins are held on the day, some late, some never: for those the
 * demo posts nothing, and the platform itself records them missed.
 */
final class DecisionPlans {

    /** The decision's plan; no indicators without check-ins to read them at. */
    record Plan(List<LocalDate> checkInDates, List<String> leadingIndicators, List<String> uncertainties) {}

    private static final List<String> INDICATORS = List.of(
            "lead-time-days",
            "error-rate-percent",
            "adoption-percent",
            "customer-complaints",
            "pipeline-value-keur",
            "attrition-risk",
            "cost-per-order-eur");
    private static final List<String> UNCERTAINTIES = List.of(
            "whether customers notice the change",
            "how long the migration takes",
            "whether the team has the skills yet",
            "what the competitors do next",
            "whether the budget holds for the year",
            "whether the other teams can follow");
    /** Later than the platform's check-in tolerance (3 days), so "late" means late by its rules too. */
    private static final int LATE_AFTER_DAYS = 4;

    private static final LocalDate LAST_PLANNED =
            DemoHistory.HORIZON.atZone(ZoneOffset.UTC).toLocalDate();

    private final Random random;

    DecisionPlans(Random random) {
        this.random = random;
    }

    Plan plan(Decision decision) {
        DemoUnit.Habits habits = decision.unit().habits();
        LocalDate decidedOn = decision.at().atZone(ZoneOffset.UTC).toLocalDate();
        List<LocalDate> dates = new ArrayList<>();
        int checkIns = random.nextInt(4);
        for (int k = 1; k <= checkIns; k++) {
            // about monthly, never on the day of the decision: a check-in held that day could precede it
            LocalDate date = decidedOn.plusDays(30L * k - 10 + random.nextInt(10));
            if (!date.isAfter(LAST_PLANNED)) {
                dates.add(date);
            }
        }
        List<String> indicators = dates.isEmpty() ? List.of() : distinct(INDICATORS, 1 + random.nextInt(2));
        List<String> uncertainties = random.nextDouble() < habits.statesUncertainty()
                ? distinct(UNCERTAINTIES, 1 + random.nextInt(2))
                : List.of();
        return new Plan(List.copyOf(dates), indicators, uncertainties);
    }

    /** The planned check-ins that were held: on the day (as the unit's habit), late, or not at all. */
    List<Step> checkInsHeld(Decision decision, Plan plan) {
        List<Step> held = new ArrayList<>();
        for (LocalDate date : plan.checkInDates()) {
            double chance = random.nextDouble();
            double onTime = decision.unit().habits().holdsCheckIn();
            if (chance < onTime) {
                held.add(checkIn(decision, plan, date, 0));
            } else if (chance < onTime + (1 - onTime) / 2) {
                held.add(checkIn(decision, plan, date, LATE_AFTER_DAYS + random.nextInt(15)));
            }
        }
        return held;
    }

    private Step checkIn(Decision decision, Plan plan, LocalDate date, int daysLate) {
        Instant at = date.plusDays(daysLate)
                .atStartOfDay(ZoneOffset.UTC)
                .plusHours(9 + random.nextInt(8))
                .toInstant();
        Map<String, Object> body = DemoHistory.body(at, DemoHistory.actor(random));
        body.put("scheduledFor", date.toString());
        body.put(
                "readings",
                plan.leadingIndicators().stream()
                        .map(indicator ->
                                Map.of("indicator", indicator, "value", String.valueOf(5 + random.nextInt(95))))
                        .toList());
        body.put("onTrack", random.nextDouble() < 0.6);
        return new Step(at, Order.CHECK_IN, "/decisions/" + decision.id() + "/check-ins", body);
    }

    private List<String> distinct(List<String> from, int count) {
        List<String> left = new ArrayList<>(from);
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            chosen.add(left.remove(random.nextInt(left.size())));
        }
        return List.copyOf(chosen);
    }
}
