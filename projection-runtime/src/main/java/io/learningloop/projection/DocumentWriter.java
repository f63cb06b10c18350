package io.learningloop.projection;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.get.GetResult;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import io.learningloop.codec.kafka.EventEnvelope;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Applies a batch of events to one projection's documents: read the current documents, apply the
 * events in order, write only what changed with optimistic concurrency ({@code if_seq_no}), and
 * retry the documents someone else changed meanwhile. Scripts are not used: this Elasticsearch
 * distribution has no Painless, and read-apply-write keeps the projection logic in plain Java.
 */
public final class DocumentWriter {

    private static final int MAX_ATTEMPTS = 5;

    private final ElasticsearchClient client;

    public DocumentWriter(ElasticsearchClient client) {
        this.client = client;
    }

    /** What a batch did, for metrics. */
    public record Outcome(int documentsWritten, int documentsUnchanged, int conflictsRetried) {}

    public <D> Outcome write(DocumentProjection<D> projection, List<EventEnvelope> events) throws IOException {
        Map<String, List<EventEnvelope>> eventsByDocument = groupByDocument(projection, events);
        Set<String> pending = new LinkedHashSet<>(eventsByDocument.keySet());
        int written = 0;
        int conflicts = 0;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            if (attempt > MAX_ATTEMPTS) {
                throw new IOException(projection.name() + ": documents still conflicting after " + MAX_ATTEMPTS
                        + " attempts: " + pending);
            }
            Map<String, Stored<D>> stored = read(projection, pending);
            BulkRequest.Builder bulk = new BulkRequest.Builder();
            List<String> writes = new ArrayList<>();
            for (String id : pending) {
                Stored<D> current = stored.get(id);
                D updated = current.document();
                for (EventEnvelope event : eventsByDocument.get(id)) {
                    updated = projection.apply(id, updated, event);
                }
                if (!Objects.equals(updated, current.document())) {
                    addWrite(bulk, projection.index(), id, updated, current);
                    writes.add(id);
                }
            }
            pending.clear();
            if (writes.isEmpty()) {
                break;
            }
            BulkResponse response = client.bulk(bulk.build());
            for (BulkResponseItem item : response.items()) {
                if (item.error() == null) {
                    written++;
                } else if (item.status() == 409) {
                    pending.add(item.id());
                    conflicts++;
                } else {
                    throw new IOException(projection.name() + ": Elasticsearch refused " + item.id() + ": "
                            + item.error().type() + " " + item.error().reason());
                }
            }
        }
        return new Outcome(written, eventsByDocument.size() - written, conflicts);
    }

    private static <D> Map<String, List<EventEnvelope>> groupByDocument(
            DocumentProjection<D> projection, List<EventEnvelope> events) {
        Map<String, List<EventEnvelope>> byDocument = new LinkedHashMap<>();
        for (EventEnvelope event : events) {
            for (String id : projection.documentIds(event)) {
                byDocument.computeIfAbsent(id, ignored -> new ArrayList<>()).add(event);
            }
        }
        return byDocument;
    }

    private <D> Map<String, Stored<D>> read(DocumentProjection<D> projection, Set<String> ids) throws IOException {
        Map<String, Stored<D>> stored = new HashMap<>();
        var response = client.mget(
                request -> request.index(projection.index()).ids(List.copyOf(ids)), projection.documentClass());
        for (MultiGetResponseItem<D> item : response.docs()) {
            if (item.isFailure()) {
                throw new IOException(projection.name() + ": cannot read "
                        + item.failure().id() + ": " + item.failure().error().reason());
            }
            GetResult<D> result = item.result();
            stored.put(
                    result.id(),
                    result.found()
                            ? new Stored<>(result.source(), result.seqNo(), result.primaryTerm())
                            : Stored.missing());
        }
        return stored;
    }

    private static <D> void addWrite(BulkRequest.Builder bulk, String index, String id, D document, Stored<D> current) {
        if (current.exists()) {
            bulk.operations(op -> op.index(write -> write.index(index)
                    .id(id)
                    .document(document)
                    .ifSeqNo(current.seqNo())
                    .ifPrimaryTerm(current.primaryTerm())));
        } else {
            // create fails with 409 when another writer created it first: then we re-read and re-apply.
            bulk.operations(op -> op.create(write -> write.index(index).id(id).document(document)));
        }
    }

    private record Stored<D>(D document, Long seqNo, Long primaryTerm) {
        static <D> Stored<D> missing() {
            return new Stored<>(null, null, null);
        }

        boolean exists() {
            return seqNo != null;
        }
    }
}
