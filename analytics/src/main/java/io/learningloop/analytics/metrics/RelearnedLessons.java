package io.learningloop.analytics.metrics;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonData;
import io.learningloop.analytics.metrics.Reports.RelearningReport;
import io.learningloop.analytics.metrics.Reports.RelearningSummary;
import io.learningloop.projection.elasticsearch.Indices;
import io.learningloop.readmodel.LessonDocument;
import io.learningloop.readmodel.LoopDocument;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The cohort's lessons learned again ({@link Relearning}). The reviews inside the caller's units held
 * after the earliest of the period's lessons with a theme that name one of their themes as a root cause
 * are read first (each once, indexed by unit and theme: {@link Relearning.Index}); then the lessons pass
 * through one page at a time, each matched against the index and counted. What is held is the reviews,
 * one small record each, never the lessons.
 */
@Component
public class RelearnedLessons {

    static final String DEFINITION = "over the lessons recorded in the period in the org unit or below that have a"
            + " theme: a lesson is learned again when one of its themes comes back as a root-cause theme of a review"
            + " held after it, within the relearning window, in the lesson's org unit or below (not a review it was"
            + " drawn from); lessonsJudged: those whose window is over; relearningRate = judged lessons learned again /"
            + " lessonsJudged; daysBetween: lesson recorded to review held";

    private static final List<String> LESSON_PARTS = List.of(
            LessonDocument.LESSON_ID,
            LessonDocument.ACTOR,
            LessonDocument.ORG_UNIT,
            LessonDocument.RECORDED_AT,
            LessonDocument.THEMES,
            LessonDocument.REVIEW_IDS);

    private final MetricSource source;
    private final Indices indices;
    private final Clock clock;
    private final Duration window;

    RelearnedLessons(
            MetricSource source,
            Indices indices,
            Clock clock,
            @Value("${learning-loop.relearning.window:P365D}") Duration window) {
        this.source = source;
        this.indices = indices;
        this.clock = clock;
        this.window = window;
    }

    /** How long after a lesson a recurrence counts: the verdict indices use the same. */
    public Duration window() {
        return window;
    }

    /**
     * The summary is counted first; the recurrences are found again lesson by lesson as the answer is
     * written out: the lessons come in id order and each one's recurrences in review date order, which
     * is the answer's order, and a division's recurrences (millions) are never held at once.
     */
    RelearningReport report(Cohort cohort) throws IOException {
        Instant now = clock.instant();
        Relearning.Index reviews = laterReviews(cohort);
        Withholding everyone = Audience.DETAIL.withholding();
        Summary summary = new Summary(now, window, everyone);
        eachLessonWithThemes(cohort, lesson -> summary.add(lesson, reviews.recurs(lesson)));
        Iterable<Relearning.Recurrence> recurrences = () -> {
            Iterator<LessonDocument> lessons = source.documents(
                    indices.lessons(),
                    LessonDocument.LESSON_ID,
                    lessonsWithThemes(cohort),
                    LESSON_PARTS,
                    LessonDocument.class);
            return MetricSource.paged(() -> lessons.hasNext() ? reviews.recurrences(lessons.next()) : null);
        };
        return new RelearningReport(
                cohort, window.toDays(), summary.summary("summary."), everyone.rates(), recurrences, DEFINITION);
    }

    /** The counts and the rate alone, for the practices answer and the trends; withheld below k people. */
    RelearningSummary summary(Cohort cohort, Withholding withholding, String figurePrefix) throws IOException {
        Relearning.Index reviews = laterReviews(cohort);
        Summary summary = new Summary(clock.instant(), window, withholding);
        eachLessonWithThemes(cohort, lesson -> summary.add(lesson, reviews.recurs(lesson)));
        return summary.summary(figurePrefix);
    }

    /** The summary of a list of lessons and their recurrences: {@link Summary} fed the list. */
    static RelearningSummary summarise(
            List<LessonDocument> lessons,
            List<Relearning.Recurrence> recurrences,
            Instant now,
            Duration window,
            Withholding withholding,
            String figurePrefix) {
        Set<String> again =
                recurrences.stream().map(Relearning.Recurrence::lessonId).collect(Collectors.toSet());
        Summary summary = new Summary(now, window, withholding);
        lessons.forEach(lesson -> summary.add(lesson, again.contains(lesson.lessonId())));
        return summary.summary(figurePrefix);
    }

    /** The lessons counted one at a time. The people are the lessons' recorders: whose learning the figures describe. */
    static final class Summary {
        private final Instant now;
        private final Duration window;
        private final Withholding withholding;
        private final Withholding.People recorders;
        private final Withholding.People judgedRecorders;
        private long lessons;
        private long judged;
        private long relearned;

        Summary(Instant now, Duration window, Withholding withholding) {
            this.now = now;
            this.window = window;
            this.withholding = withholding;
            this.recorders = withholding.people();
            this.judgedRecorders = withholding.people();
        }

        void add(LessonDocument lesson, boolean learnedAgain) {
            lessons++;
            recorders.add(lesson.actor());
            if (Relearning.judged(lesson, now, window)) {
                judged++;
                judgedRecorders.add(lesson.actor());
                relearned += learnedAgain ? 1 : 0;
            }
        }

        RelearningSummary summary(String figurePrefix) {
            Withholding.Gate all = withholding.over(recorders, figurePrefix + "lessonsWithThemes");
            Withholding.Gate judgedOnes = withholding.over(
                    judgedRecorders,
                    figurePrefix + "lessonsJudged",
                    figurePrefix + "relearned",
                    figurePrefix + "relearningRate");
            return new RelearningSummary(
                    all.value(lessons),
                    judgedOnes.value(judged),
                    judgedOnes.value(relearned),
                    judgedOnes.rate(figurePrefix + "relearningRate", relearned, judged));
        }
    }

    /** The lessons recorded in the period that have a theme, one page at a time. */
    private void eachLessonWithThemes(Cohort cohort, MetricSource.Each<LessonDocument> each) throws IOException {
        source.eachDocument(
                indices.lessons(),
                LessonDocument.LESSON_ID,
                lessonsWithThemes(cohort),
                LESSON_PARTS,
                LessonDocument.class,
                each);
    }

    private static List<Query> lessonsWithThemes(Cohort cohort) {
        List<Query> filters = new ArrayList<>(cohort.filters(LessonDocument.RECORDED_AT, false));
        filters.add(Query.of(query -> query.exists(exists -> exists.field(LessonDocument.THEMES))));
        return filters;
    }

    /**
     * Each review once, from the loops inside the caller's units (any period) that could hold a
     * recurrence of one of the cohort's lessons: naming one of their themes, held at or after the
     * earliest (the rule itself, {@link Relearning#recurs}, decides on each). The themes and the earliest
     * time come from aggregations over the lessons, so the lessons are read once, after the reviews.
     */
    private Relearning.Index laterReviews(Cohort cohort) throws IOException {
        List<Query> lessonFilters = lessonsWithThemes(cohort);
        TreeSet<String> themes = new TreeSet<>();
        source.eachDistinctPage(
                indices.lessons(), LessonDocument.THEMES, lessonFilters, MetricSource.MAX_TERMS, themes::addAll);
        Instant earliest = source.earliest(indices.lessons(), LessonDocument.RECORDED_AT, lessonFilters);
        if (themes.isEmpty() || earliest == null) {
            return new Relearning.Index(List.of(), window);
        }
        List<Query> filters = new ArrayList<>(cohort.during(null, null).filters(LoopDocument.DECISION_ID, false));
        filters.add(Query.of(query -> query.terms(terms -> terms.field(LoopDocument.REVIEW_ROOT_CAUSE_THEMES)
                .terms(values ->
                        values.value(themes.stream().map(FieldValue::of).toList())))));
        // at or after the earliest millisecond: the index keeps millis, a lesson's time may be finer
        filters.add(Query.of(query -> query.range(range -> range.untyped(
                untyped -> untyped.field(LoopDocument.REVIEW_HELD_AT).gte(JsonData.of(earliest.toString()))))));
        Relearning.Index index = new Relearning.Index(window);
        Set<String> seen = new HashSet<>();
        source.eachDocument(
                indices.loops(),
                LoopDocument.DECISION_ID,
                filters,
                List.of(LoopDocument.DECISION_ID, LoopDocument.REVIEWS),
                LoopDocument.class,
                loop -> loop.reviews().forEach(review -> {
                    if (seen.add(review.reviewId())) {
                        index.add(review);
                    }
                }));
        return index.sort();
    }
}
