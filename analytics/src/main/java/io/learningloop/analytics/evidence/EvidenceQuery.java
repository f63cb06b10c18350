package io.learningloop.analytics.evidence;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import io.learningloop.analytics.evidence.Evidence.Answer;
import io.learningloop.analytics.evidence.EvidenceChains.Link;
import io.learningloop.projection.elasticsearch.ConsistentReads;
import io.learningloop.projection.elasticsearch.Indices;
import io.learningloop.readmodel.LessonDocument;
import io.learningloop.readmodel.LoopDocument;
import io.learningloop.readmodel.OrgUnitDocument;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Reads what the evidence answer joins, from data kept for it: (1) the decisions of the year and units
 * that applied a behaviour change (the loops index's {@code appliedChanges}, not every loop of the
 * cohort), and a count of all the year's decisions; (2) the lessons those changes cite, by id; (3) the
 * origin decisions of the lessons of the chains shown, by id. {@link EvidenceChains} decides what holds.
 */
@Component
public class EvidenceQuery {

    private static final int PAGE = 5_000;
    private static final int MGET_BATCH = 1_000;

    /** The parts of a changed decision the chains need. */
    private static final List<String> DECISION_FIELDS = List.of(
            "decisionId",
            "orgUnit",
            "title",
            "category",
            "decidedAt",
            "retracted",
            "appliedChanges",
            "appliedLessonIds",
            "appliedInBehaviorChangeIds");

    /** The parts of a cited lesson the chains need (not who recorded it, its shares, its tombstones). */
    private static final List<String> LESSON_FIELDS = List.of(
            "lessonId",
            "orgUnit",
            "recordedAt",
            "lesson",
            "thinkingChange",
            "decisionIds",
            "reviewIds",
            "themes",
            "extractionPractice",
            "behaviorChanges",
            "retracted");

    private static final List<String> ORIGIN_FIELDS =
            List.of("decisionId", "orgUnit", "title", "outcome.assessment", "reviews", "retracted");

    private final ElasticsearchClient client;
    private final Indices indices;

    EvidenceQuery(ElasticsearchClient client, Indices indices) {
        this.client = ConsistentReads.of(client);
        this.indices = indices;
    }

    public Answer answer(EvidenceRequest request) throws IOException {
        List<LoopDocument> changed = changedDecisions(request);
        Map<String, LessonDocument> lessons = byId(
                indices.lessons(),
                EvidenceChains.citedLessonIds(changed),
                LESSON_FIELDS,
                LessonDocument.class,
                LessonDocument::lessonId);
        List<Link> links = EvidenceChains.links(request, changed, lessons);
        List<Link> shown = links.subList(0, Math.min(links.size(), request.limit()));
        Map<String, LoopDocument> origins = byId(
                indices.loops(),
                EvidenceChains.originIds(shown),
                ORIGIN_FIELDS,
                LoopDocument.class,
                LoopDocument::decisionId);
        return EvidenceChains.answer(request, decisionsMade(request), links, origins);
    }

    /** Decided in the year, in the units, not retracted; {@code withAppliedChanges}: and a change applied. */
    private List<Query> filters(EvidenceRequest request, boolean withAppliedChanges) {
        List<Query> filters = new ArrayList<>();
        filters.add(Query.of(query ->
                query.range(range -> range.untyped(untyped -> untyped.field(LoopDocument.DECIDED_AT)
                        .gte(JsonData.of(request.decidedFrom().toString()))
                        .lt(JsonData.of(request.decidedTo().toString()))))));
        filters.add(Query.of(query -> query.bool(bool -> bool.mustNot(
                not -> not.term(term -> term.field(OrgUnitDocument.RETRACTED).value(true))))));
        // No units read nothing (a key without units), never everything.
        filters.add(Query.of(query -> query.terms(terms -> terms.field(OrgUnitDocument.ORG_UNIT_PATH)
                .terms(values -> values.value(
                        request.orgUnits().stream().map(FieldValue::of).toList())))));
        if (withAppliedChanges) {
            // appliedInBehaviorChangeIds: documents from before appliedChanges was kept
            filters.add(Query.of(query -> query.bool(bool -> bool.should(
                            should -> should.exists(exists -> exists.field("appliedChanges.behaviorChangeId")))
                    .should(should -> should.exists(exists -> exists.field("appliedInBehaviorChangeIds")))
                    .minimumShouldMatch("1"))));
        }
        return filters;
    }

    private List<LoopDocument> changedDecisions(EvidenceRequest request) throws IOException {
        List<Query> filters = filters(request, true);
        List<LoopDocument> decisions = new ArrayList<>();
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> searchAfter = after;
            SearchResponse<LoopDocument> response = client.search(
                    search -> {
                        search.index(indices.loops())
                                .query(query -> query.bool(bool -> bool.filter(filters)))
                                .source(source -> source.filter(filter -> filter.includes(DECISION_FIELDS)))
                                .sort(sort -> sort.field(
                                        by -> by.field(LoopDocument.DECISION_ID).order(SortOrder.Asc)))
                                .size(PAGE)
                                .trackTotalHits(track -> track.enabled(false));
                        if (searchAfter != null) {
                            search.searchAfter(searchAfter);
                        }
                        return search;
                    },
                    LoopDocument.class);
            List<Hit<LoopDocument>> hits = response.hits().hits();
            hits.forEach(hit -> decisions.add(hit.source()));
            if (hits.size() < PAGE) {
                return decisions;
            }
            after = hits.get(hits.size() - 1).sort();
        }
    }

    private long decisionsMade(EvidenceRequest request) throws IOException {
        List<Query> filters = filters(request, false);
        return client.count(
                        count -> count.index(indices.loops()).query(query -> query.bool(bool -> bool.filter(filters))))
                .count();
    }

    /** The documents found of {@code ids}, by id, cut to {@code fields}; a missing id is absent. */
    private <T> Map<String, T> byId(
            String index, Collection<String> ids, List<String> fields, Class<T> type, Function<T, String> idOf)
            throws IOException {
        Map<String, T> found = new HashMap<>();
        List<String> all = List.copyOf(ids);
        for (int start = 0; start < all.size(); start += MGET_BATCH) {
            List<String> batch = all.subList(start, Math.min(all.size(), start + MGET_BATCH));
            MgetResponse<T> response = client.mget(
                    mget -> {
                        return mget.index(index).ids(batch).sourceIncludes(fields);
                    },
                    type);
            response.docs().forEach(doc -> {
                if (doc.isResult() && doc.result().found() && doc.result().source() != null) {
                    T document = doc.result().source();
                    found.put(idOf.apply(document), document);
                }
            });
        }
        return found;
    }
}
