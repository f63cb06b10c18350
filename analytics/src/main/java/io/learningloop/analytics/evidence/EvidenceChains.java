package io.learningloop.analytics.evidence;

import io.learningloop.access.Caller;
import io.learningloop.analytics.evidence.Evidence.Answer;
import io.learningloop.analytics.evidence.Evidence.Chain;
import io.learningloop.analytics.evidence.Evidence.Totals;
import io.learningloop.readmodel.LessonDocument;
import io.learningloop.readmodel.LessonDocument.ChangeRef;
import io.learningloop.readmodel.LoopDocument;
import io.learningloop.readmodel.LoopDocument.BehaviorChangeRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which (decision, behaviour change, lesson) chains hold, the one place of the rule: the indices are
 * asked for candidates ({@link EvidenceQuery}), and every condition is checked again here, so that the
 * rule is tested without them and a candidate the query let through never counts.
 */
final class EvidenceChains {

    static final String DEFINITION = "one chain per (decision, behaviour change, lesson): a decision made in the"
            + " year (UTC) in the org unit or below, not retracted, that a behaviour change (not retracted) says was"
            + " made differently because of a lesson (not retracted) recorded in the learned period [learnedFrom,"
            + " learnedTo) in any unit, and no later than the decision; the change must still cite the lesson in both"
            + " indices. elapsedDays = decidedAt - lesson recordedAt in days; crossUnit: the lesson's unit differs"
            + " from the decision's; amendments count as the step now reads. Ordered by decidedAt, decisionId,"
            + " behaviorChangeId, lessonId.";

    private static final double MILLIS_PER_DAY = Duration.ofDays(1).toMillis();

    private static final Comparator<Link> ORDER = Comparator.comparing((Link link) -> link.decision.decidedAt())
            .thenComparing(link -> link.decision.decisionId())
            .thenComparing(Link::behaviorChangeId)
            .thenComparing(link -> link.lesson.lessonId());

    private EvidenceChains() {}

    /** A chain found, before it is shown: the documents it joins. */
    record Link(LoopDocument decision, BehaviorChangeRef applied, LessonDocument lesson, ChangeRef cited) {

        String behaviorChangeId() {
            return applied.behaviorChangeId();
        }

        boolean crossUnit() {
            return !decision.orgUnit().equals(lesson.orgUnit());
        }
    }

    /** The lessons the candidate decisions' applied changes cite: what to read from the lessons index. */
    static Set<String> citedLessonIds(List<LoopDocument> decisions) {
        return decisions.stream()
                .flatMap(decision -> decision.appliedChanges().stream())
                .flatMap(change -> Optional.ofNullable(change.lessonIds()).orElse(List.of()).stream())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Every chain that holds, in the answer's order. */
    static List<Link> links(
            EvidenceRequest request, List<LoopDocument> decisions, Map<String, LessonDocument> lessons) {
        List<Link> links = new ArrayList<>();
        for (LoopDocument decision : decisions) {
            if (!madeInTheYearAndUnits(request, decision)) {
                continue;
            }
            for (BehaviorChangeRef applied : decision.appliedChanges()) {
                for (String lessonId : new LinkedHashSet<>(
                        Optional.ofNullable(applied.lessonIds()).orElse(List.of()))) {
                    LessonDocument lesson = lessons.get(lessonId);
                    if (lesson == null || !learnedInThePeriodBefore(request, lesson, decision.decidedAt())) {
                        continue;
                    }
                    // The lessons index drops a retracted change from the lessons it cited: it must still be there.
                    lesson.behaviorChanges().stream()
                            .filter(cited -> cited.behaviorChangeId().equals(applied.behaviorChangeId())
                                    && decision.decisionId().equals(cited.decisionId()))
                            .findFirst()
                            .ifPresent(cited -> links.add(new Link(decision, applied, lesson, cited)));
                }
            }
        }
        links.sort(ORDER);
        return links;
    }

    private static boolean madeInTheYearAndUnits(EvidenceRequest request, LoopDocument decision) {
        Instant decidedAt = decision.decidedAt();
        return !decision.retracted()
                && decidedAt != null
                && !decidedAt.isBefore(request.decidedFrom())
                && decidedAt.isBefore(request.decidedTo())
                && Caller.covers(request.orgUnits(), decision.orgUnit());
    }

    /** Recorded (a change read before its lesson leaves a document without recordedAt), in the period, not after the decision. */
    private static boolean learnedInThePeriodBefore(EvidenceRequest request, LessonDocument lesson, Instant decidedAt) {
        Instant recordedAt = lesson.recordedAt();
        return !lesson.retracted()
                && recordedAt != null
                && lesson.orgUnit() != null
                && !recordedAt.isBefore(request.learnedFromInstant())
                && recordedAt.isBefore(request.learnedToInstant())
                && !recordedAt.isAfter(decidedAt);
    }

    /** The lessons' origin decisions of the chains shown: what to read from the loops index. */
    static Set<String> originIds(List<Link> shown) {
        return shown.stream()
                .flatMap(link -> link.lesson.decisionIds().stream())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    static Totals totals(long decisionsMade, List<Link> links) {
        int decisions = (int) links.stream()
                .map(link -> link.decision.decisionId())
                .distinct()
                .count();
        int crossUnit = (int) links.stream().filter(Link::crossUnit).count();
        return new Totals(decisionsMade, decisions, links.size(), crossUnit);
    }

    /** The answer: totals over every chain, the first {@code limit} shown with their origins. */
    static Answer answer(
            EvidenceRequest request, long decisionsMade, List<Link> links, Map<String, LoopDocument> origins) {
        Totals totals = totals(decisionsMade, links);
        List<Chain> chains = links.stream()
                .limit(request.limit())
                .map(link -> EvidenceChain.of(request, link, origins))
                .toList();
        return new Answer(
                request.orgUnit(),
                request.year(),
                request.learnedFrom(),
                request.learnedTo(),
                DEFINITION,
                EvidenceSummary.of(request, totals),
                totals,
                request.limit(),
                links.size() > request.limit(),
                chains);
    }

    static double days(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / MILLIS_PER_DAY;
    }
}
