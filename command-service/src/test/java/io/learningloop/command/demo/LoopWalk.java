package io.learningloop.command.demo;

import io.learningloop.command.demo.DemoHistory.Step;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Walks demo steps in posting order as the command service would take them, remembering what exists,
 * and writes down every step that names something not posted before it or breaks a rule of the loop
 * (README, "The rules"). It knows the rules from the API's documentation, not from the generator.
 */
final class LoopWalk {

    record Planned(String decisionId, LocalDate date) {}

    record CheckInHeld(Planned planned, Instant at, List<String> indicatorsRead) {}

    record ActionSeen(String orgUnit, Instant at, LocalDate due, String end) {}

    record Share(String lessonId, String from, String to) {}

    private record DecisionSeen(String orgUnit, Instant at, List<String> indicators, boolean uncertaintyStated) {}

    private record LessonSeen(String orgUnit, Instant at) {}

    /** A decision a behaviour change ties to a lesson: the decision's unit and year, the lesson's year. */
    private record Evidence(String decisionId, String orgUnit, int decidedIn, int learnedIn) {}

    private record ReviewSeen(String orgUnit, Instant at, boolean blameless, List<String> themes) {}

    private record ThemedLesson(String orgUnit, Instant at, List<String> themes, List<String> reviewIds) {}

    private static final Pattern ABOUT = Pattern.compile("^/(decisions|actions|lessons)/([^/]+)/([a-z-]+)$");
    private static final Set<String> THEMES = Set.of(
            "assumptions",
            "information",
            "communication",
            "ownership",
            "process",
            "capacity",
            "skills",
            "tooling",
            "incentives",
            "external");
    private static final Set<String> REVIEW_KINDS = Set.of("post-mortem", "after-action-review", "retrospective");

    private final Set<String> ids = new HashSet<>();
    private final Map<String, DecisionSeen> decisions = new HashMap<>();
    private final Map<String, String> outcomes = new HashMap<>();
    private final Map<String, LessonSeen> lessons = new HashMap<>();
    private final List<Evidence> evidence = new ArrayList<>();
    private final List<ThemedLesson> themedLessons = new ArrayList<>();
    private final Map<String, ReviewSeen> reviews = new HashMap<>();
    private final Set<String> reviewedDecisions = new HashSet<>();
    private final Map<String, ActionSeen> actions = new LinkedHashMap<>();
    private final Set<String> changedLessons = new HashSet<>();
    private final Set<Planned> planned = new LinkedHashSet<>();
    private final List<CheckInHeld> held = new ArrayList<>();
    private final List<Share> shares = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private int walked;

    private LoopWalk() {}

    static LoopWalk of(List<Step> steps) {
        LoopWalk walk = new LoopWalk();
        for (Step step : steps) {
            walk.take(step);
        }
        return walk;
    }

    /** The kind of step, as the bulk import names it, from the endpoint the loader posts it to. */
    static String kindOf(Step step) {
        Matcher about = ABOUT.matcher(step.path());
        if (about.matches()) {
            return switch (about.group(1) + "/" + about.group(3)) {
                case "decisions/check-ins" -> "check-in";
                case "decisions/outcome" -> "outcome";
                case "actions/completion" -> "action-completion";
                case "actions/drop" -> "action-drop";
                case "lessons/shares" -> "lesson-share";
                default -> throw new IllegalArgumentException("no such endpoint: " + step.path());
            };
        }
        return switch (step.path()) {
            case "/decisions" -> "decision";
            case "/reviews" -> "review";
            case "/actions" -> "action";
            case "/lessons" -> "lesson";
            case "/behavior-changes" -> "behavior-change";
            default -> throw new IllegalArgumentException("no such endpoint: " + step.path());
        };
    }

    private void take(Step step) {
        walked++;
        Map<String, Object> body = step.body();
        Instant at = Instant.parse((String) body.get("occurredAt"));
        Matcher about = ABOUT.matcher(step.path());
        String subject = about.matches() ? about.group(2) : null;
        switch (kindOf(step)) {
            case "decision" -> decision(body, at);
            case "check-in" -> checkIn(subject, body, at);
            case "outcome" -> outcome(subject, body, at);
            case "review" -> review(body, at);
            case "action" -> action(body, at);
            case "action-completion" -> actionEnd(subject, at, "completed", body.get("note"));
            case "action-drop" -> actionEnd(subject, at, "dropped", body.get("reason"));
            case "lesson" -> lesson(body, at);
            case "lesson-share" -> share(subject, body, at);
            case "behavior-change" -> behaviorChange(body, at);
            default -> throw new IllegalStateException(step.path());
        }
    }

    private void decision(Map<String, Object> body, Instant at) {
        String id = newId(body, "decisionId");
        LocalDate decidedOn = day(at);
        List<LocalDate> dates =
                strings(body, "checkInDates").stream().map(LocalDate::parse).toList();
        List<String> indicators = strings(body, "leadingIndicators");
        check(
                !LocalDate.parse((String) body.get("reviewBy")).isBefore(decidedOn),
                id + ": reviewBy before the decision");
        check(dates.size() <= 3, id + ": more than 3 check-ins");
        check(
                dates.stream().allMatch(date -> date.isAfter(decidedOn)),
                id + ": a check-in not after the decision's day");
        check(Set.copyOf(dates).size() == dates.size(), id + ": a check-in date twice");
        check(
                dates.isEmpty() ? indicators.isEmpty() : indicators.size() >= 1 && indicators.size() <= 2,
                id + ": check-ins need 1-2 leading indicators, none without: " + indicators);
        check(Set.copyOf(indicators).size() == indicators.size(), id + ": an indicator twice");
        for (String lessonId : strings(body, "informedByLessonIds")) {
            LessonSeen lesson = lessons.get(lessonId);
            check(
                    lesson != null && !lesson.at().isAfter(at),
                    id + ": informed by a later or unknown lesson " + lessonId);
        }
        decisions.put(
                id,
                new DecisionSeen(
                        (String) body.get("orgUnit"),
                        at,
                        indicators,
                        !strings(body, "uncertainties").isEmpty()));
        dates.forEach(date -> planned.add(new Planned(id, date)));
    }

    private void checkIn(String decisionId, Map<String, Object> body, Instant at) {
        DecisionSeen decision = decisions.get(decisionId);
        Planned plannedOne = new Planned(decisionId, LocalDate.parse((String) body.get("scheduledFor")));
        if (!check(decision != null, "check-in of unknown decision " + decisionId)) {
            return;
        }
        check(planned.contains(plannedOne), "check-in " + plannedOne + " was not planned");
        check(held.stream().noneMatch(earlier -> earlier.planned().equals(plannedOne)), "held twice: " + plannedOne);
        check(!at.isBefore(decision.at()), "check-in " + plannedOne + " before its decision");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> readings = (List<Map<String, Object>>) body.get("readings");
        List<String> read = readings.stream()
                .map(reading -> (String) reading.get("indicator"))
                .toList();
        check(decision.indicators().containsAll(read), "check-in " + plannedOne + " reads undeclared " + read);
        check(body.get("onTrack") instanceof Boolean, "check-in " + plannedOne + " without onTrack");
        held.add(new CheckInHeld(plannedOne, at, read));
    }

    private void outcome(String decisionId, Map<String, Object> body, Instant at) {
        DecisionSeen decision = decisions.get(decisionId);
        if (!check(decision != null, "outcome of unknown decision " + decisionId)) {
            return;
        }
        check(!at.isBefore(decision.at()), "outcome before its decision " + decisionId);
        check(!outcomes.containsKey(decisionId), "second outcome of " + decisionId);
        String reportedBy = (String) body.get("reportedBy");
        check(Set.of("decision-owner", "others").contains(reportedBy), decisionId + ": reportedBy " + reportedBy);
        outcomes.put(decisionId, reportedBy);
    }

    private void review(Map<String, Object> body, Instant at) {
        String id = newId(body, "reviewId");
        for (String decisionId : strings(body, "decisionIds")) {
            DecisionSeen decision = decisions.get(decisionId);
            check(decision != null && !at.isBefore(decision.at()), id + ": reviews a later or unknown " + decisionId);
            reviewedDecisions.add(decisionId);
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> causes = (List<Map<String, Object>>) body.get("rootCauses");
        check(causes.size() >= 1 && causes.size() <= 3, id + ": " + causes.size() + " root causes");
        check(
                causes.stream().allMatch(cause -> THEMES.contains(cause.get("theme"))),
                id + ": theme outside vocabulary");
        check(REVIEW_KINDS.contains(body.get("kind")), id + ": kind " + body.get("kind"));
        check(
                body.get("facilitated") instanceof Boolean && body.get("blameless") instanceof Boolean,
                id + ": facilitated/blameless missing");
        check((Integer) body.get("participantCount") >= 1, id + ": no participants");
        reviews.put(
                id,
                new ReviewSeen(
                        (String) body.get("orgUnit"),
                        at,
                        (Boolean) body.get("blameless"),
                        causes.stream()
                                .map(cause -> (String) cause.get("theme"))
                                .toList()));
    }

    private void action(Map<String, Object> body, Instant at) {
        String id = newId(body, "actionId");
        ReviewSeen review = reviews.get((String) body.get("reviewId"));
        check(review != null && !at.isBefore(review.at()), id + ": assigned by a later or unknown review");
        LocalDate due = LocalDate.parse((String) body.get("dueDate"));
        check(!due.isBefore(day(at)), id + ": due before it was assigned");
        check(body.get("owner") != null, id + ": no owner");
        actions.put(id, new ActionSeen((String) body.get("orgUnit"), at, due, null));
    }

    private void actionEnd(String actionId, Instant at, String end, Object why) {
        ActionSeen action = actions.get(actionId);
        if (!check(action != null, end + " unknown action " + actionId)) {
            return;
        }
        check(action.end() == null, actionId + ": ended twice");
        check(!at.isBefore(action.at()), actionId + ": " + end + " before it was assigned");
        check(why instanceof String text && !text.isBlank(), actionId + ": " + end + " without note or reason");
        actions.put(actionId, new ActionSeen(action.orgUnit(), action.at(), action.due(), end));
    }

    private void lesson(Map<String, Object> body, Instant at) {
        String id = newId(body, "lessonId");
        for (String decisionId : strings(body, "decisionIds")) {
            DecisionSeen decision = decisions.get(decisionId);
            check(
                    decision != null && !at.isBefore(decision.at()),
                    id + ": drawn from a later or unknown " + decisionId);
        }
        for (String reviewId : strings(body, "reviewIds")) {
            ReviewSeen review = reviews.get(reviewId);
            check(review != null && !at.isBefore(review.at()), id + ": names a later or unknown review " + reviewId);
        }
        check(strings(body, "themes").stream().allMatch(THEMES::contains), id + ": lesson theme outside vocabulary");
        if (!strings(body, "themes").isEmpty()) {
            themedLessons.add(new ThemedLesson(
                    (String) body.get("orgUnit"), at, strings(body, "themes"), strings(body, "reviewIds")));
        }
        lessons.put(id, new LessonSeen((String) body.get("orgUnit"), at));
    }

    private void share(String lessonId, Map<String, Object> body, Instant at) {
        LessonSeen lesson = lessons.get(lessonId);
        if (!check(lesson != null, "share of unknown lesson " + lessonId)) {
            return;
        }
        String to = (String) body.get("sharedWithOrgUnit");
        check(!at.isBefore(lesson.at()), lessonId + ": shared before it was drawn");
        check(!to.equals(lesson.orgUnit()), lessonId + ": shared with its own unit");
        shares.add(new Share(lessonId, lesson.orgUnit(), to));
    }

    private void behaviorChange(Map<String, Object> body, Instant at) {
        String id = newId(body, "behaviorChangeId");
        DecisionSeen decision = decisions.get((String) body.get("decisionId"));
        if (!check(decision != null, id + ": unknown decision " + body.get("decisionId"))) {
            return;
        }
        for (String lessonId : strings(body, "lessonIds")) {
            LessonSeen lesson = lessons.get(lessonId);
            check(lesson != null && decision.at().isAfter(lesson.at()), id + ": decision not after lesson " + lessonId);
            changedLessons.add(lessonId);
            if (lesson != null) {
                evidence.add(new Evidence(
                        (String) body.get("decisionId"),
                        decision.orgUnit(),
                        day(decision.at()).getYear(),
                        day(lesson.at()).getYear()));
            }
        }
        check(!at.isBefore(decision.at()), id + ": before the decision that shows it");
    }

    private String newId(Map<String, Object> body, String field) {
        String id = (String) body.get(field);
        check(id != null && ids.add(id), "id missing or used before: " + id);
        return id;
    }

    private boolean check(boolean holds, String violation) {
        if (!holds) {
            violations.add("step " + walked + ": " + violation);
        }
        return holds;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Map<String, Object> body, String field) {
        Object value = body.get(field);
        return value == null ? List.of() : (List<String>) value;
    }

    private static LocalDate day(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate();
    }

    List<String> violations() {
        return List.copyOf(violations);
    }

    int stepsWalked() {
        return walked;
    }

    Set<Planned> plannedCheckIns() {
        return Set.copyOf(planned);
    }

    List<CheckInHeld> checkInsHeld() {
        return List.copyOf(held);
    }

    List<String> indicatorsOf(String decisionId) {
        return decisions.get(decisionId).indicators();
    }

    Map<String, ActionSeen> actions() {
        return Map.copyOf(actions);
    }

    List<Share> lessonsShared() {
        return List.copyOf(shares);
    }

    /** The unit's decisions of {@code year} that a behaviour change ties to a lesson of the year before. */
    long decisionsWithEvidence(String orgUnit, int year) {
        return evidence.stream()
                .filter(seen ->
                        seen.orgUnit().equals(orgUnit) && seen.decidedIn() == year && seen.learnedIn() == year - 1)
                .map(Evidence::decisionId)
                .distinct()
                .count();
    }

    /** Per year a lesson was drawn: the share of the unit's lessons that some behaviour change cites. */
    Map<Integer, Double> conversionByYear(String orgUnit) {
        Map<Integer, int[]> counts = new TreeMap<>();
        lessons.forEach((id, lesson) -> {
            if (lesson.orgUnit().equals(orgUnit)) {
                int[] count = counts.computeIfAbsent(day(lesson.at()).getYear(), year -> new int[2]);
                count[0]++;
                count[1] += changedLessons.contains(id) ? 1 : 0;
            }
        });
        Map<Integer, Double> rates = new TreeMap<>();
        counts.forEach((year, count) -> rates.put(year, (double) count[1] / count[0]));
        return rates;
    }

    /**
     * Of the unit's lessons with a theme whose year ended by {@code end}, the share whose theme is a root
     * cause of a review of the same unit within a year after it that the lesson was not drawn from (the
     * demo's units have no sub-units).
     */
    double relearnedShare(String orgUnit, Instant end) {
        Duration year = Duration.ofDays(365);
        List<ThemedLesson> own = themedLessons.stream()
                .filter(lesson -> lesson.orgUnit().equals(orgUnit)
                        && !lesson.at().plus(year).isAfter(end))
                .toList();
        long again = own.stream()
                .filter(lesson -> reviews.entrySet().stream()
                        .anyMatch(review -> review.getValue().orgUnit().equals(orgUnit)
                                && review.getValue().at().isAfter(lesson.at())
                                && !review.getValue().at().isAfter(lesson.at().plus(year))
                                && !lesson.reviewIds().contains(review.getKey())
                                && review.getValue().themes().stream().anyMatch(lesson.themes()::contains)))
                .count();
        return share(again, own.size());
    }

    double reviewedShare(String orgUnit) {
        List<String> observed = outcomes.keySet().stream().filter(in(orgUnit)).toList();
        return share(observed.stream().filter(reviewedDecisions::contains).count(), observed.size());
    }

    double ownerReportedShare(String orgUnit) {
        List<String> observed = outcomes.keySet().stream().filter(in(orgUnit)).toList();
        return share(
                observed.stream()
                        .filter(id -> outcomes.get(id).equals("decision-owner"))
                        .count(),
                observed.size());
    }

    double uncertaintyStatedShare(String orgUnit) {
        List<DecisionSeen> made = decisions.values().stream()
                .filter(d -> d.orgUnit().equals(orgUnit))
                .toList();
        return share(made.stream().filter(DecisionSeen::uncertaintyStated).count(), made.size());
    }

    double completedShare(String orgUnit) {
        List<ActionSeen> assigned = actions.values().stream()
                .filter(a -> a.orgUnit().equals(orgUnit))
                .toList();
        return share(assigned.stream().filter(a -> "completed".equals(a.end())).count(), assigned.size());
    }

    double blamelessShare(String orgUnit) {
        List<ReviewSeen> inUnit = reviews.values().stream()
                .filter(r -> r.orgUnit().equals(orgUnit))
                .toList();
        return share(inUnit.stream().filter(ReviewSeen::blameless).count(), inUnit.size());
    }

    private Predicate<String> in(String orgUnit) {
        return decisionId -> decisions.get(decisionId).orgUnit().equals(orgUnit);
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
