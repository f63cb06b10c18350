package io.learningloop.projection;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.get.GetResult;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import io.learningloop.codec.kafka.EventEnvelope;
import io.learningloop.readmodel.ParkReason;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
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
 *
 * <p>An event the projection throws on, or whose document Elasticsearch refuses for good
 * ({@link Refusals}), is {@link Parked} and left out, so that the rest of the batch is written: a
 * refused document is written again event by event, to find the events that make it unwritable and
 * keep what the others changed. Transient failures throw, and the runner retries the whole batch.
 */
public final class DocumentWriter {

    private static final int MAX_ATTEMPTS = 5;

    private final ElasticsearchClient client;

    public DocumentWriter(ElasticsearchClient client) {
        this.client = client;
    }

    /** What a batch did, for metrics, and the events it parked. */
    public record Outcome(int documentsWritten, int documentsUnchanged, int conflictsRetried, List<Parked> parked) {}

    public <D> Outcome write(DocumentProjection<D> projection, List<EventEnvelope> events) throws IOException {
        ParkedEvents parked = new ParkedEvents(projection.name());
        Map<String, List<EventEnvelope>> eventsByDocument = groupByDocument(projection, events, parked);
        Set<String> pending = new LinkedHashSet<>(eventsByDocument.keySet());
        Set<String> refused = new LinkedHashSet<>();
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
                    updated = apply(projection, id, updated, event, parked);
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
            List<BulkResponseItem> items;
            try {
                items = client.bulk(bulk.build()).items();
            } catch (ElasticsearchException e) {
                if (!Refusals.permanent(e.status(), e.error().type())) {
                    throw e;
                }
                // The whole request refused (too large): one of its documents is; find it one by one.
                refused.addAll(writes);
                break;
            }
            for (BulkResponseItem item : items) {
                if (item.error() == null) {
                    written++;
                } else if (item.status() == 409) {
                    pending.add(item.id());
                    conflicts++;
                } else if (Refusals.permanent(item.status(), item.error().type())) {
                    refused.add(item.id());
                } else {
                    throw new IOException(projection.name() + ": Elasticsearch refused " + item.id() + ": "
                            + item.error().type() + " " + item.error().reason());
                }
            }
        }
        for (String id : refused) {
            written += writeEventByEvent(projection, id, eventsByDocument.get(id), parked);
        }
        return new Outcome(written, eventsByDocument.size() - written, conflicts, parked.list());
    }

    /**
     * Writes a refused document one event at a time, parking each event whose write is refused (the
     * document stays as it was before it); 1 if the document was written at all, else 0.
     */
    private <D> int writeEventByEvent(
            DocumentProjection<D> projection, String id, List<EventEnvelope> events, ParkedEvents parked)
            throws IOException {
        int written = 0;
        for (EventEnvelope event : events) {
            for (int attempt = 1; !parked.contains(event); attempt++) {
                if (attempt > MAX_ATTEMPTS) {
                    throw new IOException(
                            projection.name() + ": " + id + " still conflicting after " + MAX_ATTEMPTS + " attempts");
                }
                Stored<D> current = read(projection, Set.of(id)).get(id);
                D updated = apply(projection, id, current.document(), event, parked);
                if (parked.contains(event) || Objects.equals(updated, current.document())) {
                    break;
                }
                BulkResponseItem item = writeOne(projection, id, updated, current, event, parked);
                if (item == null) {
                    break;
                }
                if (item.error() == null) {
                    written = 1;
                    break;
                }
                if (item.status() == 409) {
                    continue;
                }
                if (!Refusals.permanent(item.status(), item.error().type())) {
                    throw new IOException(projection.name() + ": Elasticsearch refused " + id + ": "
                            + item.error().type() + " " + item.error().reason());
                }
                parked.add(event, ParkReason.ELASTICSEARCH_REFUSED, ParkReasons.elasticsearchRefused(id, item.error()));
            }
        }
        return written;
    }

    /** The answer for one document, or null when the whole request was refused for good (then parked). */
    private <D> BulkResponseItem writeOne(
            DocumentProjection<D> projection,
            String id,
            D document,
            Stored<D> current,
            EventEnvelope event,
            ParkedEvents parked)
            throws IOException {
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        addWrite(bulk, projection.index(), id, document, current);
        try {
            return client.bulk(bulk.build()).items().get(0);
        } catch (ElasticsearchException e) {
            if (!Refusals.permanent(e.status(), e.error().type())) {
                throw e;
            }
            parked.add(event, ParkReason.ELASTICSEARCH_REFUSED, ParkReasons.elasticsearchRefused(id, e.error()));
            return null;
        }
    }

    /** The document after the event; a projection that throws on it has the event parked, the document kept. */
    private static <D> D apply(
            DocumentProjection<D> projection, String id, D current, EventEnvelope event, ParkedEvents parked) {
        if (parked.contains(event)) {
            return current;
        }
        try {
            return projection.apply(id, current, event);
        } catch (RuntimeException e) {
            parked.add(event, ParkReason.PROJECTION_FAILED, ParkReasons.projectionFailed(projection.name(), id, e));
            return current;
        }
    }

    private static <D> Map<String, List<EventEnvelope>> groupByDocument(
            DocumentProjection<D> projection, List<EventEnvelope> events, ParkedEvents parked) {
        Map<String, List<EventEnvelope>> byDocument = new LinkedHashMap<>();
        for (EventEnvelope event : events) {
            Collection<String> ids;
            try {
                ids = projection.documentIds(event);
            } catch (RuntimeException e) {
                parked.add(event, ParkReason.PROJECTION_FAILED, ParkReasons.noDocumentIds(projection.name(), e));
                continue;
            }
            for (String id : ids) {
                byDocument.computeIfAbsent(id, ignored -> new ArrayList<>()).add(event);
            }
        }
        return byDocument;
    }

    /** The events of one batch parked so far, each once (by its position on the topic). */
    private static final class ParkedEvents {
        private final String projection;
        private final Map<String, Parked> byPosition = new LinkedHashMap<>();

        ParkedEvents(String projection) {
            this.projection = projection;
        }

        boolean contains(EventEnvelope event) {
            return byPosition.containsKey(position(event));
        }

        void add(EventEnvelope event, ParkReason kind, Parked.Reason reason) {
            byPosition.putIfAbsent(
                    position(event),
                    new Parked(projection, event.topic(), event.partition(), event.offset(), kind, reason));
        }

        List<Parked> list() {
            return List.copyOf(byPosition.values());
        }

        private static String position(EventEnvelope event) {
            return event.topic() + "-" + event.partition() + "-" + event.offset();
        }
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
