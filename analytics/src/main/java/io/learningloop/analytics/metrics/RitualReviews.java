package io.learningloop.analytics.metrics;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.learningloop.analytics.metrics.Reports.ReviewEntry;
import io.learningloop.analytics.metrics.Reports.ReviewSummary;
import io.learningloop.analytics.metrics.Reports.ReviewsReport;
import io.learningloop.analytics.metrics.ReviewVerdict.Verdict;
import io.learningloop.projection.elasticsearch.Indices;
import io.learningloop.readmodel.LoopDocument;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The reviews of a cohort's decisions with their verdicts ({@link ReviewVerdict}). Two reads, both
 * bounded by the reviews found: the cohort's loops cut to their review ids, then every loop (inside the
 * caller's units, any period) that one of those reviews looked at, cut to what the verdict needs.
 */
@Component
public class RitualReviews {

    static final String DEFINITION = "the reviews of the cohort's decisions, each once. practice: it named root causes,"
            + " assigned actions and all were completed, and a lesson drawn from it (naming it, or drawn from one of its"
            + " decisions at or after it) changed a later decision; ritual: its settling window passed and none of its"
            + " lessons changed a decision and none of its actions was completed; partial: settled with some of the"
            + " practice; pending: not a practice yet and inside the window. ritualRate = ritual / judged, practiceRate ="
            + " practice / judged, judged = practice + ritual + partial";

    private static final int TERMS_PER_QUERY = 10_000;

    private final MetricSource source;
    private final Indices indices;
    private final Clock clock;
    private final Duration settlingWindow;

    RitualReviews(
            MetricSource source,
            Indices indices,
            Clock clock,
            @Value("${learning-loop.rituals.settling-window:P180D}") Duration settlingWindow) {
        this.source = source;
        this.indices = indices;
        this.clock = clock;
        this.settlingWindow = settlingWindow;
    }

    /** The window after which a review that changed nothing is a ritual; the verdict indices judge with it too. */
    public Duration settlingWindow() {
        return settlingWindow;
    }

    /** Every review of the cohort, judged now; {@code only} keeps one verdict (null: all). */
    ReviewsReport report(Cohort cohort, Verdict only) throws IOException {
        Instant now = clock.instant();
        List<ReviewEntry> entries = new ArrayList<>();
        List<ReviewFacts> reviews = reviews(cohort);
        for (ReviewFacts review : reviews) {
            ReviewVerdict verdict = ReviewVerdict.of(review, now, settlingWindow);
            if (only == null || verdict.verdict() == only) {
                entries.add(new ReviewEntry(
                        review.reviewId(),
                        review.orgUnit(),
                        review.heldAt(),
                        review.kind(),
                        review.rootCauseThemes(),
                        review.decisionIds(),
                        review.actionsAssigned(),
                        review.actionsCompleted(),
                        review.lessonIds(),
                        review.changedDecisions().size(),
                        verdict.verdict(),
                        verdict.reasons(),
                        verdict.settlesOn()));
            }
        }
        Withholding everyone = Audience.DETAIL.withholding();
        return new ReviewsReport(
                cohort,
                settlingWindow.toDays(),
                summarise(reviews, now, settlingWindow, everyone, "summary."),
                everyone.rates(),
                List.copyOf(entries),
                DEFINITION);
    }

    /** The counts and rates alone, for the practices answer and the trends; withheld below k people. */
    ReviewSummary summary(Cohort cohort, Withholding withholding, String figurePrefix) throws IOException {
        return summarise(reviews(cohort), clock.instant(), settlingWindow, withholding, figurePrefix);
    }

    /** The people are the makers of the reviews' decisions: whose reviews the figures describe. */
    static ReviewSummary summarise(
            List<ReviewFacts> reviews,
            Instant now,
            Duration settlingWindow,
            Withholding withholding,
            String figurePrefix) {
        Map<Verdict, Long> counts = new EnumMap<>(Verdict.class);
        List<String> actors = new ArrayList<>();
        for (ReviewFacts review : reviews) {
            counts.merge(ReviewVerdict.of(review, now, settlingWindow).verdict(), 1L, Long::sum);
            actors.addAll(review.actors());
        }
        long practice = counts.getOrDefault(Verdict.PRACTICE, 0L);
        long ritual = counts.getOrDefault(Verdict.RITUAL, 0L);
        long partial = counts.getOrDefault(Verdict.PARTIAL, 0L);
        long judged = practice + ritual + partial;
        Withholding.Gate gate = withholding.over(
                actors,
                figurePrefix + "reviews",
                figurePrefix + "practice",
                figurePrefix + "ritual",
                figurePrefix + "partial",
                figurePrefix + "pending",
                figurePrefix + "ritualRate",
                figurePrefix + "practiceRate");
        return new ReviewSummary(
                gate.value((long) reviews.size()),
                gate.value(practice),
                gate.value(ritual),
                gate.value(partial),
                gate.value(counts.getOrDefault(Verdict.PENDING, 0L)),
                gate.rate(figurePrefix + "ritualRate", ritual, judged),
                gate.rate(figurePrefix + "practiceRate", practice, judged));
    }

    /** The cohort's reviews with the facts from all the caller's loops they looked at, in review id order. */
    private List<ReviewFacts> reviews(Cohort cohort) throws IOException {
        TreeSet<String> reviewIds = new TreeSet<>();
        for (LoopDocument loop : source.documents(
                indices.loops(),
                LoopDocument.DECISION_ID,
                cohort.filters(LoopDocument.DECIDED_AT, true),
                List.of(LoopDocument.DECISION_ID, LoopDocument.REVIEW_IDS),
                LoopDocument.class)) {
            loop.reviews().forEach(review -> reviewIds.add(review.reviewId()));
        }
        List<LoopDocument> loops = new ArrayList<>();
        List<String> ids = List.copyOf(reviewIds);
        for (int start = 0; start < ids.size(); start += TERMS_PER_QUERY) {
            loops.addAll(loopsOf(cohort, ids.subList(start, Math.min(ids.size(), start + TERMS_PER_QUERY))));
        }
        Map<String, ReviewFacts> facts = ReviewFacts.of(loops);
        return reviewIds.stream().map(facts::get).toList();
    }

    private List<LoopDocument> loopsOf(Cohort cohort, Collection<String> reviewIds) throws IOException {
        List<Query> filters = new ArrayList<>(cohort.during(null, null).filters(LoopDocument.DECISION_ID, false));
        filters.add(Query.of(query -> query.terms(terms -> terms.field(LoopDocument.REVIEW_IDS)
                .terms(values ->
                        values.value(reviewIds.stream().map(FieldValue::of).toList())))));
        return source.documents(
                indices.loops(),
                LoopDocument.DECISION_ID,
                filters,
                List.of(
                        LoopDocument.DECISION_ID,
                        LoopDocument.ACTOR,
                        LoopDocument.REVIEWS,
                        LoopDocument.ACTIONS,
                        LoopDocument.LESSONS,
                        LoopDocument.BEHAVIOR_CHANGES),
                LoopDocument.class);
    }
}
