package io.learningloop.analytics.metrics;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonData;
import io.learningloop.analytics.metrics.Reports.RelearningReport;
import io.learningloop.analytics.metrics.Reports.RelearningSummary;
import io.learningloop.projection.elasticsearch.Indices;
import io.learningloop.readmodel.LessonDocument;
import io.learningloop.readmodel.LoopDocument;
import io.learningloop.readmodel.LoopDocument.ReviewRef;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The cohort's lessons learned again ({@link Relearning}). Two reads: the lessons recorded in the period
 * that have a theme, then the reviews inside the caller's units held after the earliest of them that name
 * one of their themes as a root cause; the match is made in memory.
 */
@Component
public class RelearnedLessons {

    static final String DEFINITION = "over the lessons recorded in the period in the org unit or below that have a"
            + " theme: a lesson is learned again when one of its themes comes back as a root-cause theme of a review"
            + " held after it, within the relearning window, in the lesson's org unit or below (not a review it was"
            + " drawn from); lessonsJudged: those whose window is over; relearningRate = judged lessons learned again /"
            + " lessonsJudged; daysBetween: lesson recorded to review held";

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

    RelearningReport report(Cohort cohort) throws IOException {
        List<LessonDocument> lessons = lessonsWithThemes(cohort);
        List<Relearning.Recurrence> recurrences =
                Relearning.recurrences(lessons, laterReviews(cohort, lessons), window);
        Withholding everyone = Audience.DETAIL.withholding();
        return new RelearningReport(
                cohort,
                window.toDays(),
                summarise(lessons, recurrences, clock.instant(), window, everyone, "summary."),
                everyone.rates(),
                recurrences,
                DEFINITION);
    }

    /** The counts and the rate alone, for the practices answer and the trends; withheld below k people. */
    RelearningSummary summary(Cohort cohort, Withholding withholding, String figurePrefix) throws IOException {
        List<LessonDocument> lessons = lessonsWithThemes(cohort);
        return summarise(
                lessons,
                Relearning.recurrences(lessons, laterReviews(cohort, lessons), window),
                clock.instant(),
                window,
                withholding,
                figurePrefix);
    }

    /** The people are the lessons' recorders: whose learning the figures describe. */
    static RelearningSummary summarise(
            List<LessonDocument> lessons,
            List<Relearning.Recurrence> recurrences,
            Instant now,
            Duration window,
            Withholding withholding,
            String figurePrefix) {
        Set<String> again =
                recurrences.stream().map(Relearning.Recurrence::lessonId).collect(Collectors.toSet());
        List<LessonDocument> judged = lessons.stream()
                .filter(lesson -> Relearning.judged(lesson, now, window))
                .toList();
        long relearned = judged.stream()
                .filter(lesson -> again.contains(lesson.lessonId()))
                .count();
        Withholding.Gate all = withholding.over(
                lessons.stream().map(LessonDocument::actor).toList(), figurePrefix + "lessonsWithThemes");
        Withholding.Gate judgedOnes = withholding.over(
                judged.stream().map(LessonDocument::actor).toList(),
                figurePrefix + "lessonsJudged",
                figurePrefix + "relearned",
                figurePrefix + "relearningRate");
        return new RelearningSummary(
                all.value((long) lessons.size()),
                judgedOnes.value((long) judged.size()),
                judgedOnes.value(relearned),
                judgedOnes.rate(figurePrefix + "relearningRate", relearned, judged.size()));
    }

    private List<LessonDocument> lessonsWithThemes(Cohort cohort) throws IOException {
        List<Query> filters = new ArrayList<>(cohort.filters(LessonDocument.RECORDED_AT, false));
        filters.add(Query.of(query -> query.exists(exists -> exists.field(LessonDocument.THEMES))));
        return source.documents(
                indices.lessons(),
                LessonDocument.LESSON_ID,
                filters,
                List.of(
                        LessonDocument.LESSON_ID,
                        LessonDocument.ACTOR,
                        LessonDocument.ORG_UNIT,
                        LessonDocument.RECORDED_AT,
                        LessonDocument.THEMES,
                        LessonDocument.REVIEW_IDS),
                LessonDocument.class);
    }

    /** Each review once, from the loops inside the caller's units (any period) that could hold a recurrence. */
    private List<ReviewRef> laterReviews(Cohort cohort, List<LessonDocument> lessons) throws IOException {
        TreeSet<String> themes = new TreeSet<>();
        lessons.forEach(lesson -> themes.addAll(lesson.themes()));
        Instant earliest = lessons.stream()
                .map(LessonDocument::recordedAt)
                .filter(Objects::nonNull)
                .min(Comparator.naturalOrder())
                .orElse(null);
        if (themes.isEmpty() || earliest == null) {
            return List.of();
        }
        List<Query> filters = new ArrayList<>(cohort.during(null, null).filters(LoopDocument.DECISION_ID, false));
        filters.add(Query.of(query -> query.terms(terms -> terms.field(LoopDocument.REVIEW_ROOT_CAUSE_THEMES)
                .terms(values ->
                        values.value(themes.stream().map(FieldValue::of).toList())))));
        filters.add(Query.of(query -> query.range(range -> range.untyped(
                untyped -> untyped.field(LoopDocument.REVIEW_HELD_AT).gt(JsonData.of(earliest.toString()))))));
        Map<String, ReviewRef> reviews = new TreeMap<>();
        for (LoopDocument loop : source.documents(
                indices.loops(),
                LoopDocument.DECISION_ID,
                filters,
                List.of(LoopDocument.DECISION_ID, LoopDocument.REVIEWS),
                LoopDocument.class)) {
            loop.reviews().forEach(review -> reviews.putIfAbsent(review.reviewId(), review));
        }
        return List.copyOf(reviews.values());
    }
}
