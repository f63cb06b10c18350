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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The reviews of a cohort's decisions with their verdicts ({@link ReviewVerdict}). Page by page: a page
 * of the review ids of the cohort's loops, then every loop (inside the caller's units, any period) that
 * one of those reviews looked at, cut to what the verdict needs; a page is judged and counted before the
 * next is read.
 */
@Component
public class RitualReviews {

    static final String DEFINITION = "the reviews of the cohort's decisions, each once. practice: it named root causes,"
            + " assigned actions and all were completed, and a lesson drawn from it (naming it, or drawn from one of its"
            + " decisions at or after it) changed a later decision; ritual: its settling window passed and none of its"
            + " lessons changed a decision and none of its actions was completed; partial: settled with some of the"
            + " practice; pending: not a practice yet and inside the window. ritualRate = ritual / judged, practiceRate ="
            + " practice / judged, judged = practice + ritual + partial";

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

    /**
     * Every review of the cohort, judged now; {@code only} keeps one verdict (null: all). The summary is
     * counted first; the list is read again page by page as the answer is written out ({@link
     * #entries}), so that a division's tens of thousands of reviews are never held at once.
     */
    ReviewsReport report(Cohort cohort, Verdict only) throws IOException {
        Instant now = clock.instant();
        Withholding everyone = Audience.DETAIL.withholding();
        Summary summary = new Summary(now, settlingWindow, everyone);
        eachReview(cohort, summary::add);
        return new ReviewsReport(
                cohort,
                settlingWindow.toDays(),
                summary.summary("summary."),
                everyone.rates(),
                () -> entries(cohort, only, now),
                DEFINITION);
    }

    /** The cohort's reviews as entries, in review id order, read when the iterator reaches them. */
    private Iterator<ReviewEntry> entries(Cohort cohort, Verdict only, Instant now) {
        MetricSource.NextPage<String> ids = reviewIdPages(cohort);
        return MetricSource.paged(() -> {
            List<String> reviewIds = ids.next();
            if (reviewIds == null) {
                return null;
            }
            List<ReviewEntry> entries = new ArrayList<>();
            for (ReviewFacts review : factsOf(cohort, reviewIds)) {
                ReviewVerdict verdict = ReviewVerdict.of(review, now, settlingWindow);
                if (only == null || verdict.verdict() == only) {
                    entries.add(entry(review, verdict));
                }
            }
            return entries;
        });
    }

    private static ReviewEntry entry(ReviewFacts review, ReviewVerdict verdict) {
        return new ReviewEntry(
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
                verdict.settlesOn());
    }

    /** The counts and rates alone, for the practices answer and the trends; withheld below k people. */
    ReviewSummary summary(Cohort cohort, Withholding withholding, String figurePrefix) throws IOException {
        Summary summary = new Summary(clock.instant(), settlingWindow, withholding);
        eachReview(cohort, summary::add);
        return summary.summary(figurePrefix);
    }

    /** The summary of a list of reviews: {@link Summary} fed the list. */
    static ReviewSummary summarise(
            List<ReviewFacts> reviews,
            Instant now,
            Duration settlingWindow,
            Withholding withholding,
            String figurePrefix) {
        Summary summary = new Summary(now, settlingWindow, withholding);
        reviews.forEach(summary::add);
        return summary.summary(figurePrefix);
    }

    /**
     * The verdicts counted one review at a time. The people are the makers of the reviews' decisions:
     * whose reviews the figures describe.
     */
    static final class Summary {
        private final Instant now;
        private final Duration settlingWindow;
        private final Withholding withholding;
        private final Map<Verdict, Long> counts = new EnumMap<>(Verdict.class);
        private final Withholding.People people;
        private long reviews;

        Summary(Instant now, Duration settlingWindow, Withholding withholding) {
            this.now = now;
            this.settlingWindow = settlingWindow;
            this.withholding = withholding;
            this.people = withholding.people();
        }

        ReviewVerdict add(ReviewFacts review) {
            ReviewVerdict verdict = ReviewVerdict.of(review, now, settlingWindow);
            counts.merge(verdict.verdict(), 1L, Long::sum);
            review.actors().forEach(people::add);
            reviews++;
            return verdict;
        }

        ReviewSummary summary(String figurePrefix) {
            long practice = counts.getOrDefault(Verdict.PRACTICE, 0L);
            long ritual = counts.getOrDefault(Verdict.RITUAL, 0L);
            long partial = counts.getOrDefault(Verdict.PARTIAL, 0L);
            long judged = practice + ritual + partial;
            Withholding.Gate gate = withholding.over(
                    people,
                    figurePrefix + "reviews",
                    figurePrefix + "practice",
                    figurePrefix + "ritual",
                    figurePrefix + "partial",
                    figurePrefix + "pending",
                    figurePrefix + "ritualRate",
                    figurePrefix + "practiceRate");
            return new ReviewSummary(
                    gate.value(reviews),
                    gate.value(practice),
                    gate.value(ritual),
                    gate.value(partial),
                    gate.value(counts.getOrDefault(Verdict.PENDING, 0L)),
                    gate.rate(figurePrefix + "ritualRate", ritual, judged),
                    gate.rate(figurePrefix + "practiceRate", practice, judged));
        }
    }

    /**
     * The cohort's reviews with the facts from all the caller's loops they looked at, in review id order:
     * a page of the cohort's review ids at a time (a composite aggregation), then the loops of that page,
     * so neither the ids nor the loops of the whole cohort are ever held.
     */
    private void eachReview(Cohort cohort, MetricSource.Each<ReviewFacts> each) throws IOException {
        MetricSource.NextPage<String> ids = reviewIdPages(cohort);
        for (List<String> reviewIds = ids.next(); reviewIds != null; reviewIds = ids.next()) {
            for (ReviewFacts review : factsOf(cohort, reviewIds)) {
                each.accept(review);
            }
        }
    }

    /** The review ids of the cohort's loops, a page at a time (a composite aggregation). */
    private MetricSource.NextPage<String> reviewIdPages(Cohort cohort) {
        return source.distinctPages(
                indices.loops(), LoopDocument.REVIEW_IDS, cohort.filters(LoopDocument.DECIDED_AT, true), source.page());
    }

    /** The facts of {@code reviewIds}, in their order, from every loop that looked at one of them. */
    private List<ReviewFacts> factsOf(Cohort cohort, List<String> reviewIds) throws IOException {
        List<LoopDocument> loops = new ArrayList<>();
        source.eachDocument(
                indices.loops(),
                LoopDocument.DECISION_ID,
                loopsOf(cohort, reviewIds),
                List.of(
                        LoopDocument.DECISION_ID,
                        LoopDocument.ACTOR,
                        LoopDocument.REVIEWS,
                        LoopDocument.ACTIONS,
                        LoopDocument.LESSONS,
                        LoopDocument.BEHAVIOR_CHANGES),
                LoopDocument.class,
                loops::add);
        Map<String, ReviewFacts> facts = ReviewFacts.of(loops);
        return reviewIds.stream().map(facts::get).toList();
    }

    /** The loops inside the caller's units (any period) that looked at one of {@code reviewIds}. */
    private static List<Query> loopsOf(Cohort cohort, Collection<String> reviewIds) {
        List<Query> filters = new ArrayList<>(cohort.during(null, null).filters(LoopDocument.DECISION_ID, false));
        filters.add(Query.of(query -> query.terms(terms -> terms.field(LoopDocument.REVIEW_IDS)
                .terms(values ->
                        values.value(reviewIds.stream().map(FieldValue::of).toList())))));
        return filters;
    }
}
