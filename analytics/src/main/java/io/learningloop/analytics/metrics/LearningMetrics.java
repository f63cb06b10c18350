package io.learningloop.analytics.metrics;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.learningloop.analytics.metrics.Reports.ConversionReport;
import io.learningloop.analytics.metrics.Reports.LatencyReport;
import io.learningloop.analytics.metrics.Reports.PracticesReport;
import io.learningloop.analytics.metrics.Reports.StageLatency;
import io.learningloop.analytics.statistics.KaplanMeier;
import io.learningloop.analytics.statistics.Median;
import io.learningloop.projection.elasticsearch.Indices;
import io.learningloop.readmodel.LessonDocument;
import io.learningloop.readmodel.LoopDocument;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Computes stage latencies, learning conversion and practice signals for a cohort from the loops and lessons indices. */
@Component
class LearningMetrics {

    static final String CONVERSION_DEFINITION = "lessons with at least one behaviour change citing them, divided by"
            + " lessons recorded, over the lessons recorded in the period in the org unit or below (a lesson counts"
            + " as converted whenever its change came, also after the period)";

    static final Map<String, String> PRACTICE_DEFINITIONS = definitions(
            "checkIns",
                    "planned check-ins of the cohort's decisions; due: those whose day plus the tolerance passed"
                            + " by the time of the answer (missed: due and not held, also before the platform recorded it);"
                            + " inTimeRate = heldInTime / due, heldRate = (heldInTime + heldLate) / due",
            "followThrough",
                    "actions assigned by reviews of the cohort's decisions, each once; openOverdue: open"
                            + " past the end of the due date by the time of the answer; completionRate = completed /"
                            + " assigned, inTimeRate = completed by the due date / assigned",
            "safety",
                    "uncertaintyStatedRate: decisions stating what their makers do not know; selfReportedRate:"
                            + " outcomes reported by the decision's owner among those whose reporter is known (revision-1"
                            + " outcomes are not); badOutcomesSelfReportedRate: the same for worse-than-expected and failed"
                            + " outcomes; blamelessRate, facilitatedRate: of the reviews of the cohort's decisions",
            "calibration",
                    "over decisions with an outcome: meanConfidence, hitRate = share of outcomes as expected"
                            + " or better, overconfidence = meanConfidence - hitRate, brierScore = mean of (confidence -"
                            + " hit)^2 with hit 1 or 0 (0 is perfect, 0.25 is a constant 0.5)",
            "spread",
                    "over the lessons recorded in the period: sharedRate = lessons shared with another org unit,"
                            + " changedElsewhereRate = lessons that changed a decision of another org unit",
            "reviews", RitualReviews.DEFINITION,
            "relearning", RelearnedLessons.DEFINITION);

    private final MetricSource source;
    private final RankedValues rankedValues;
    private final Indices indices;
    private final Clock clock;
    private final Duration checkInTolerance;
    private final RitualReviews rituals;
    private final RelearnedLessons relearning;

    LearningMetrics(
            MetricSource source,
            RankedValues rankedValues,
            Indices indices,
            RitualReviews rituals,
            RelearnedLessons relearning,
            Clock clock,
            @Value("${learning-loop.deadlines.check-in-tolerance:P3D}") Duration checkInTolerance) {
        this.source = source;
        this.rankedValues = rankedValues;
        this.indices = indices;
        this.clock = clock;
        this.checkInTolerance = checkInTolerance;
        this.rituals = rituals;
        this.relearning = relearning;
    }

    /**
     * Each stage over its own documents; a stage over fewer people than the audience may see is withheld
     * whole. Counted and ranked by Elasticsearch ({@link RankedValues}: the same exact nearest-rank values
     * as {@link #latencyWithMedians}, without reading the cohort's values); the trends, which test
     * medians against each other, read the values.
     */
    LatencyReport latency(Cohort cohort, Audience audience) throws IOException {
        Withholding withholding = audience.withholding();
        List<RankedValues.Population> populations = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            populations.add(new RankedValues.Population(
                    stage.index.apply(indices),
                    cohort.filters(stage.cohortField, !categoryIgnored(cohort, stage)),
                    stage.latencyField,
                    stage.actorField));
        }
        List<RankedValues.Ranked> ranked = rankedValues.rank(populations, withholding.minGroupSize(), 50, 90, 99);
        List<StageLatency> stages = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            RankedValues.Ranked figures = ranked.get(stage.ordinal());
            Withholding.Gate gate = withholding.overPeople(figures.people(), gatedFigures(stage));
            stages.add(stageLatency(
                    stage,
                    cohort,
                    gate,
                    (int) figures.count(),
                    figures.percentiles().get(0),
                    figures.percentiles().get(1),
                    figures.percentiles().get(2)));
        }
        return new LatencyReport(cohort, Percentiles.METHOD, stages, withholding.withheld());
    }

    private static boolean categoryIgnored(Cohort cohort, Stage stage) {
        return cohort.category() != null && !stage.hasCategory;
    }

    private static String[] gatedFigures(Stage stage) {
        String figure = "stages." + stage.wireName + ".";
        return new String[] {figure + "count", figure + "p50Days", figure + "p90Days", figure + "p99Days"};
    }

    private static StageLatency stageLatency(
            Stage stage, Cohort cohort, Withholding.Gate gate, int count, Double p50, Double p90, Double p99) {
        return new StageLatency(
                stage.wireName,
                gate.value(count),
                gate.value(p50),
                gate.value(p90),
                gate.value(p99),
                stage.definition,
                categoryIgnored(cohort, stage) ? "not filtered by category: lessons have none" : null);
    }

    /** The latency answer and each shown stage's median with its sample, for the trends to test. */
    record MeasuredLatency(LatencyReport report, Map<String, Median> medians) {}

    MeasuredLatency latencyWithMedians(Cohort cohort, Audience audience) throws IOException {
        Withholding withholding = audience.withholding();
        List<StageLatency> stages = new ArrayList<>();
        Map<String, Median> medians = new LinkedHashMap<>();
        for (Stage stage : Stage.values()) {
            List<Query> filters = cohort.filters(stage.cohortField, !categoryIgnored(cohort, stage));
            List<MetricSource.Measured> measured = source.values(
                    stage.index.apply(indices), stage.idField, filters, stage.latencyField, stage.actorField);
            Percentiles percentiles = new Percentiles(
                    measured.stream().map(MetricSource.Measured::value).toList());
            Withholding.Gate gate = withholding.over(
                    measured.stream().map(MetricSource.Measured::actor).toList(), gatedFigures(stage));
            stages.add(stageLatency(
                    stage,
                    cohort,
                    gate,
                    percentiles.count(),
                    percentiles.at(50),
                    percentiles.at(90),
                    percentiles.at(99)));
            if (gate.shown() && percentiles.count() > 0) {
                medians.put(
                        stage.wireName,
                        Median.of(measured.stream()
                                .map(MetricSource.Measured::value)
                                .toList()));
            }
        }
        return new MeasuredLatency(
                new LatencyReport(cohort, Percentiles.METHOD, stages, withholding.withheld()), medians);
    }

    /**
     * Check-in discipline, follow-through, safety and calibration of the cohort's decisions; spread of its
     * lessons. The documents pass through folds ({@link PracticeSignals.Loops}), a page at a time.
     */
    PracticesReport practices(Cohort cohort, Audience audience) throws IOException {
        AsOf asOf = new AsOf(clock.instant(), checkInTolerance);
        Withholding withholding = audience.withholding();
        PracticeSignals.Loops loops = new PracticeSignals.Loops(asOf, withholding);
        source.eachDocument(
                indices.loops(),
                LoopDocument.DECISION_ID,
                cohort.filters(LoopDocument.DECIDED_AT, true),
                List.of(
                        LoopDocument.DECISION_ID,
                        LoopDocument.ACTOR,
                        LoopDocument.CONFIDENCE,
                        LoopDocument.UNCERTAINTY_STATED,
                        LoopDocument.OUTCOME,
                        LoopDocument.CHECK_INS,
                        LoopDocument.REVIEWS,
                        LoopDocument.ACTIONS),
                LoopDocument.class,
                loops::add);
        PracticeSignals.Lessons lessons = new PracticeSignals.Lessons(withholding);
        source.eachDocument(
                indices.lessons(),
                LessonDocument.LESSON_ID,
                cohort.filters(LessonDocument.RECORDED_AT, false),
                List.of(
                        LessonDocument.LESSON_ID,
                        LessonDocument.ACTOR,
                        LessonDocument.ORG_UNIT,
                        LessonDocument.SHARED_COUNT,
                        LessonDocument.BEHAVIOR_CHANGES),
                LessonDocument.class,
                lessons::add);
        return new PracticesReport(
                cohort,
                loops.checkIns(),
                loops.followThrough(),
                loops.safety(),
                loops.calibration(),
                lessons.spread(),
                rituals.summary(cohort, withholding, "reviews."),
                relearning.summary(cohort, withholding, "relearning."),
                withholding.rates(),
                withholding.means(),
                PRACTICE_DEFINITIONS,
                withholding.withheld());
    }

    /**
     * The lessons are read (cut to what is counted) rather than counted, so that their recorders can be
     * counted too and each gives its Kaplan-Meier observation; one page at a time, only the observations
     * (a time and a flag per lesson) are kept.
     */
    ConversionReport conversion(Cohort cohort, Audience audience) throws IOException {
        Instant now = clock.instant();
        Withholding withholding = audience.withholding();
        Withholding.People recorders = withholding.people();
        List<KaplanMeier.Observation> observations = new ArrayList<>();
        long[] counts = new long[2]; // recorded, with a change
        source.eachDocument(
                indices.lessons(),
                LessonDocument.LESSON_ID,
                cohort.filters(LessonDocument.RECORDED_AT, false),
                List.of(
                        LessonDocument.LESSON_ID,
                        LessonDocument.ACTOR,
                        LessonDocument.RECORDED_AT,
                        LessonDocument.CONVERTED,
                        LessonDocument.LESSON_TO_BEHAVIOR_CHANGE_DAYS),
                LessonDocument.class,
                lesson -> {
                    counts[0]++;
                    counts[1] += lesson.converted() ? 1 : 0;
                    recorders.add(lesson.actor());
                    observations.add(ConversionOverTime.observation(lesson, now));
                });
        long recorded = counts[0];
        long withChange = counts[1];
        Withholding.Gate gate = withholding.over(
                recorders, "lessonsRecorded", "lessonsWithBehaviorChange", "conversionRate", "withinDays");
        Double rate = gate.rate("conversionRate", withChange, recorded);
        return new ConversionReport(
                cohort,
                gate.value(recorded),
                gate.value(withChange),
                rate,
                withholding.rates(),
                gate.shown() ? ConversionOverTime.withinDays(observations) : null,
                CONVERSION_DEFINITION,
                ConversionOverTime.DEFINITION,
                withholding.withheld());
    }

    private static Map<String, String> definitions(String... keysAndTexts) {
        Map<String, String> definitions = new LinkedHashMap<>();
        for (int i = 0; i < keysAndTexts.length; i += 2) {
            definitions.put(keysAndTexts[i], keysAndTexts[i + 1]);
        }
        return Map.copyOf(definitions);
    }
}
