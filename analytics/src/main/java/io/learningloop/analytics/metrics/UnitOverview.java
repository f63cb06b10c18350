package io.learningloop.analytics.metrics;

import io.learningloop.analytics.evidence.Evidence.Totals;
import io.learningloop.analytics.evidence.EvidenceQuery;
import io.learningloop.analytics.evidence.EvidenceRequest;
import io.learningloop.analytics.metrics.Reports.ConversionReport;
import io.learningloop.analytics.metrics.Reports.RelearningSummary;
import io.learningloop.analytics.metrics.Reports.ReviewSummary;
import io.learningloop.analytics.metrics.Reports.Withheld;
import io.learningloop.contract.OrgUnits;
import io.learningloop.projection.elasticsearch.Indices;
import io.learningloop.readmodel.LessonDocument;
import io.learningloop.readmodel.LoopDocument;
import io.learningloop.readmodel.OrgUnitDocument;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Each org unit's headline figures for one year, so that staff can compare units and drill down: the
 * org hierarchy inside the reader's units, every unit with its figures over itself and everything below
 * it. The units are those that hold a decision or a lesson, with their ancestors up to the reader's.
 */
@Component
class UnitOverview {

    private final MetricSource source;
    private final Indices indices;
    private final LearningMetrics metrics;
    private final RitualReviews rituals;
    private final RelearnedLessons relearning;
    private final EvidenceQuery evidence;

    UnitOverview(
            MetricSource source,
            Indices indices,
            LearningMetrics metrics,
            RitualReviews rituals,
            RelearnedLessons relearning,
            EvidenceQuery evidence) {
        this.evidence = evidence;
        this.source = source;
        this.indices = indices;
        this.metrics = metrics;
        this.rituals = rituals;
        this.relearning = relearning;
    }

    /**
     * One unit's line: how many of the year's decisions were made differently because of a lesson of the
     * year before ({@code /analytics/evidence}), its conversion over the lessons recorded in the year, its reviews (of the year's
     * decisions) and the year's lessons learned again. {@code depth} counts from the reader's root units.
     */
    record UnitHeadline(
            String orgUnit,
            int depth,
            Long decisionsMade,
            Long decisionsWithEvidence,
            Long lessonsRecorded,
            Long lessonsWithBehaviorChange,
            Double conversionRate,
            ReviewSummary reviews,
            RelearningSummary relearning) {}

    record Overview(int year, List<UnitHeadline> units, String definition, List<Withheld> withheld) {}

    static final String DEFINITION = "per org unit, over the unit and everything below it, the calendar year's"
            + " figures: its decisions made differently because of a lesson recorded the year before (evidence),"
            + " conversion of the lessons recorded in it, the verdicts of the reviews of the decisions"
            + " made in it, and its lessons learned again (see /analytics/conversion, /analytics/reviews and"
            + " /analytics/relearning for their definitions)";

    Overview overview(Cohort scope, int year, Audience audience) throws IOException {
        List<String> roots = scope.orgUnits();
        List<String> units = units(scope);
        Cohort yearOf = scope.during(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
        List<UnitHeadline> lines = new ArrayList<>();
        List<Withheld> withheld = new ArrayList<>();
        for (String unit : units) {
            Cohort cohort = new Cohort(unit, List.of(unit), null, yearOf.from(), yearOf.to());
            Withholding withholding = audience.withholding();
            ConversionReport conversion = metrics.conversion(cohort, audience);
            Totals totals = evidence.answer(EvidenceRequest.ofYear(unit, List.of(unit), roots, year, 1))
                    .totals();
            // the people: those who made the year's decisions, whose choices the two figures describe
            Withholding.Gate deciders = withholding.over(
                    source.distinct(
                            indices.loops(), LoopDocument.ACTOR, cohort.filters(LoopDocument.DECIDED_AT, false)),
                    "decisionsMade",
                    "decisionsWithEvidence");
            lines.add(new UnitHeadline(
                    unit,
                    depth(unit, roots),
                    deciders.value(totals.decisionsMade()),
                    deciders.value((long) totals.decisionsWithEvidence()),
                    conversion.lessonsRecorded(),
                    conversion.lessonsWithBehaviorChange(),
                    conversion.conversionRate(),
                    rituals.summary(cohort, withholding, "reviews."),
                    relearning.summary(cohort, withholding, "relearning.")));
            conversion
                    .withheld()
                    .forEach(figure -> withheld.add(new Withheld(unit + "." + figure.figure(), figure.reason())));
            withholding
                    .withheld()
                    .forEach(figure -> withheld.add(new Withheld(unit + "." + figure.figure(), figure.reason())));
        }
        return new Overview(year, List.copyOf(lines), DEFINITION, List.copyOf(withheld));
    }

    /** The units with a decision or a lesson inside the reader's units, and their ancestors below the roots. */
    private List<String> units(Cohort scope) throws IOException {
        TreeSet<String> units = new TreeSet<>();
        List<String> found = new ArrayList<>(source.distinct(
                indices.loops(),
                OrgUnitDocument.ORG_UNIT,
                scope.during(null, null).filters(LoopDocument.DECISION_ID, false)));
        found.addAll(source.distinct(
                indices.lessons(),
                OrgUnitDocument.ORG_UNIT,
                scope.during(null, null).filters(LessonDocument.LESSON_ID, false)));
        for (String unit : found) {
            for (String ancestor : OrgUnits.selfAndAncestors(unit)) {
                if (scope.orgUnits().stream()
                        .anyMatch(root -> OrgUnits.selfAndAncestors(ancestor).contains(root))) {
                    units.add(ancestor);
                }
            }
        }
        return List.copyOf(units);
    }

    private static int depth(String unit, List<String> roots) {
        int depth = 0;
        for (String root : roots) {
            if (OrgUnits.selfAndAncestors(unit).contains(root)) {
                depth = OrgUnits.selfAndAncestors(unit).size()
                        - OrgUnits.selfAndAncestors(root).size();
            }
        }
        return depth;
    }
}
