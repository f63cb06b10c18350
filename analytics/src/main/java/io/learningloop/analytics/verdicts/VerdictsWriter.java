package io.learningloop.analytics.verdicts;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import io.learningloop.analytics.metrics.MetricSource;
import io.learningloop.analytics.metrics.RelearnedLessons;
import io.learningloop.analytics.metrics.Relearning;
import io.learningloop.analytics.metrics.RitualReviews;
import io.learningloop.projection.elasticsearch.Indices;
import io.learningloop.readmodel.LessonDocument;
import io.learningloop.readmodel.LoopDocument;
import io.learningloop.readmodel.OrgUnitDocument;
import io.learningloop.readmodel.RelearningDocument;
import io.learningloop.readmodel.ReviewVerdictDocument;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One run: judges every review of the live loops, a page of reviews at a time, and finds every live
 * lesson's recurrences against every review, the lessons a page at a time ({@link VerdictDocuments}),
 * never holding every loop or lesson; writes them with the run's generation (the document id is the review or
 * lesson id, so a run overwrites in place), then deletes the documents of older generations: reviews and
 * lessons retracted or gone since. Why not an alias swap: docs/decisions/0011-verdict-indices.md.
 */
@Component
class VerdictsWriter {

    /** The outcome of one run, also logged. */
    record Run(long generation, int reviews, int lessons, long deleted, Duration took) {}

    private static final Logger log = LoggerFactory.getLogger(VerdictsWriter.class);
    private static final int BULK = 1_000;

    private static final List<String> LOOP_PARTS = List.of(
            LoopDocument.DECISION_ID,
            LoopDocument.ACTOR,
            LoopDocument.DECIDED_AT,
            LoopDocument.REVIEWS,
            LoopDocument.ACTIONS,
            LoopDocument.LESSONS,
            LoopDocument.BEHAVIOR_CHANGES);
    private static final List<String> LESSON_PARTS = List.of(
            LessonDocument.LESSON_ID,
            LessonDocument.ORG_UNIT,
            OrgUnitDocument.ORG_UNIT_PATH,
            LessonDocument.RECORDED_AT,
            LessonDocument.THEMES,
            LessonDocument.REVIEW_IDS);

    private final MetricSource source;
    private final ElasticsearchClient client;
    private final Indices indices;
    private final Clock clock;
    private final Duration settlingWindow;
    private final Duration relearningWindow;
    private final Timer runs;
    private final Timer failedRuns;
    private final Counter reviewsWritten;
    private final Counter lessonsWritten;
    private final Counter deleted;
    private final AtomicLong lastSuccess = new AtomicLong();
    private final AtomicLong lastGeneration = new AtomicLong();

    VerdictsWriter(
            MetricSource source,
            ElasticsearchClient client,
            Indices indices,
            Clock clock,
            RitualReviews rituals,
            RelearnedLessons relearning,
            MeterRegistry meters) {
        this.source = source;
        this.client = client;
        this.indices = indices;
        this.clock = clock;
        this.settlingWindow = rituals.settlingWindow();
        this.relearningWindow = relearning.window();
        this.runs = Timer.builder("learning_loop.verdicts.run")
                .description("one recomputation of the verdict indices")
                .tag("outcome", "success")
                .register(meters);
        this.failedRuns = Timer.builder("learning_loop.verdicts.run")
                .description("one recomputation of the verdict indices")
                .tag("outcome", "failure")
                .register(meters);
        this.reviewsWritten = written(meters, "reviews");
        this.lessonsWritten = written(meters, "relearning");
        this.deleted = Counter.builder("learning_loop.verdicts.documents.deleted")
                .description("documents of reviews or lessons gone since the run before")
                .register(meters);
        Gauge.builder("learning_loop.verdicts.last_success", lastSuccess, AtomicLong::get)
                .description("when a run last succeeded, seconds since the epoch (0: not yet)")
                .baseUnit("seconds")
                .register(meters);
    }

    private static Counter written(MeterRegistry meters, String index) {
        return Counter.builder("learning_loop.verdicts.documents.written")
                .description("documents written to a verdict index")
                .tag("index", index)
                .register(meters);
    }

    /** Recomputes both indices; throws (and counts a failed run) when a read or write fails. */
    Run run() throws IOException {
        Instant started = clock.instant();
        long startedNanos = System.nanoTime();
        // Above every earlier generation even if the clock stepped back: deletion keys on "older".
        long generation = lastGeneration.updateAndGet(last -> Math.max(last + 1, started.toEpochMilli()));
        try {
            int reviews = writeReviews(started, generation);
            int relearning = writeRelearning(started, generation);
            long gone = deleteOlder(indices.reviews(), ReviewVerdictDocument.GENERATION, generation)
                    + deleteOlder(indices.relearning(), RelearningDocument.GENERATION, generation);
            Duration took = Duration.ofNanos(System.nanoTime() - startedNanos);
            runs.record(took);
            reviewsWritten.increment(reviews);
            lessonsWritten.increment(relearning);
            deleted.increment(gone);
            lastSuccess.set(clock.instant().getEpochSecond());
            Run run = new Run(generation, reviews, relearning, gone, took);
            log.atInfo()
                    .addKeyValue("verdicts.generation", generation)
                    .addKeyValue("verdicts.reviews", run.reviews())
                    .addKeyValue("verdicts.lessons", run.lessons())
                    .addKeyValue("verdicts.deleted", gone)
                    .addKeyValue("verdicts.took_ms", took.toMillis())
                    .log(
                            "verdict indices written: {} reviews, {} lessons, {} stale documents deleted, in {} ms",
                            run.reviews(),
                            run.lessons(),
                            gone,
                            took.toMillis());
            return run;
        } catch (IOException | RuntimeException e) {
            failedRuns.record(Duration.ofNanos(System.nanoTime() - startedNanos));
            throw e;
        }
    }

    /**
     * The review verdicts, a page of review ids (of decided live loops) at a time: the page's loops (every
     * live loop that looked at one of them) give its facts, its documents are written, and the next page
     * is read. A page's loops also hold parts of other pages' reviews: only the page's own are written.
     */
    private int writeReviews(Instant now, long generation) throws IOException {
        int[] written = new int[1];
        source.eachLiveDistinctPage(
                indices.loops(), LoopDocument.REVIEW_IDS, LoopDocument.DECIDED_AT, source.page(), reviewIds -> {
                    List<LoopDocument> loops = new ArrayList<>();
                    source.eachLiveDocument(
                            indices.loops(),
                            LoopDocument.DECISION_ID,
                            LoopDocument.DECISION_ID,
                            List.of(Query.of(query -> query.terms(terms -> terms.field(LoopDocument.REVIEW_IDS)
                                    .terms(values -> values.value(reviewIds.stream()
                                            .map(FieldValue::of)
                                            .toList()))))),
                            LOOP_PARTS,
                            LoopDocument.class,
                            loops::add);
                    Set<String> page = new HashSet<>(reviewIds);
                    List<ReviewVerdictDocument> documents =
                            VerdictDocuments.reviews(loops, now, settlingWindow, generation).stream()
                                    .filter(document -> page.contains(document.reviewId()))
                                    .toList();
                    write(indices.reviews(), documents, ReviewVerdictDocument::reviewId);
                    written[0] += documents.size();
                });
        return written[0];
    }

    /**
     * The lessons learned again: every review of the live loops, each once and cut to what the rule reads
     * ({@link Relearning.Index}), then the live lessons one page at a time, written in bulks.
     */
    private int writeRelearning(Instant now, long generation) throws IOException {
        Relearning.Index index = new Relearning.Index(relearningWindow);
        Set<String> seen = new HashSet<>();
        source.eachLiveDocument(
                indices.loops(),
                LoopDocument.DECISION_ID,
                LoopDocument.DECISION_ID,
                List.of(),
                List.of(LoopDocument.DECISION_ID, LoopDocument.REVIEWS),
                LoopDocument.class,
                loop -> loop.reviews().forEach(review -> {
                    if (seen.add(review.reviewId())) {
                        index.add(review);
                    }
                }));
        seen.clear();
        index.sort();
        List<RelearningDocument> batch = new ArrayList<>();
        int[] written = new int[1];
        source.eachLiveDocument(
                indices.lessons(),
                LessonDocument.LESSON_ID,
                LessonDocument.RECORDED_AT,
                List.of(),
                LESSON_PARTS,
                LessonDocument.class,
                lesson -> {
                    RelearningDocument document =
                            VerdictDocuments.relearning(lesson, index, now, relearningWindow, generation);
                    if (document == null) {
                        return;
                    }
                    batch.add(document);
                    if (batch.size() == BULK) {
                        write(indices.relearning(), batch, RelearningDocument::lessonId);
                        written[0] += batch.size();
                        batch.clear();
                    }
                });
        write(indices.relearning(), batch, RelearningDocument::lessonId);
        return written[0] + batch.size();
    }

    /**
     * In bulks; wait_for makes the run's documents searchable before the older generations are deleted
     * (a refresh of its own would need a privilege the analytics user does not have).
     */
    private <T> void write(String index, List<T> documents, Function<T, String> id) throws IOException {
        for (int start = 0; start < documents.size(); start += BULK) {
            List<BulkOperation> operations = new ArrayList<>();
            for (T document : documents.subList(start, Math.min(documents.size(), start + BULK))) {
                operations.add(BulkOperation.of(operation -> operation.index(
                        write -> write.index(index).id(id.apply(document)).document(document))));
            }
            BulkResponse response =
                    client.bulk(bulk -> bulk.operations(operations).refresh(Refresh.WaitFor));
            if (response.errors()) {
                List<String> reasons = response.items().stream()
                        .filter(item -> item.error() != null)
                        .limit(3)
                        .map(VerdictsWriter::describe)
                        .toList();
                throw new IOException("writing " + index + " failed for some documents, e.g. " + reasons);
            }
        }
    }

    private static String describe(BulkResponseItem item) {
        return item.id() + ": " + item.error().type() + " " + item.error().reason();
    }

    /**
     * Documents of older generations, found by search and deleted in bulk. Not delete_by_query: the
     * reindex module that serves it is not in every distribution (the integ-test zip of the stack lacks
     * it), and the search plus bulk needs no privilege beyond read and write. A document rewritten
     * meanwhile by a newer run has a newer generation and is not found.
     */
    private long deleteOlder(String index, String generationField, long generation) throws IOException {
        List<String> ids = new ArrayList<>();
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> searchAfter = after;
            SearchResponse<Void> response = client.search(
                    search -> {
                        search.index(index)
                                .query(query -> query.range(range -> range.untyped(untyped ->
                                        untyped.field(generationField).lt(JsonData.of(generation)))))
                                .source(source -> source.fetch(false))
                                .sort(sort -> sort.field(by -> by.field(generationField)))
                                .sort(sort -> sort.doc(doc -> doc))
                                .size(BULK)
                                .trackTotalHits(track -> track.enabled(false));
                        if (searchAfter != null) {
                            search.searchAfter(searchAfter);
                        }
                        return search;
                    },
                    Void.class);
            List<Hit<Void>> hits = response.hits().hits();
            hits.forEach(hit -> ids.add(hit.id()));
            if (hits.size() < BULK) {
                break;
            }
            after = hits.get(hits.size() - 1).sort();
        }
        for (int start = 0; start < ids.size(); start += BULK) {
            List<BulkOperation> operations = ids.subList(start, Math.min(ids.size(), start + BULK)).stream()
                    .map(id -> BulkOperation.of(operation ->
                            operation.delete(delete -> delete.index(index).id(id))))
                    .toList();
            BulkResponse response = client.bulk(bulk -> bulk.operations(operations));
            if (response.errors()) {
                throw new IOException("deleting stale documents of " + index + " failed, e.g. "
                        + response.items().stream()
                                .filter(item -> item.error() != null)
                                .limit(3)
                                .map(VerdictsWriter::describe)
                                .toList());
            }
        }
        return ids.size();
    }
}
