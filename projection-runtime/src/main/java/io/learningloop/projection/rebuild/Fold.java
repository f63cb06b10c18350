package io.learningloop.projection.rebuild;

import io.learningloop.codec.kafka.EventEnvelope;
import io.learningloop.projection.DocumentProjection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a rebuild's events to its documents in memory, so that a batch writes each document once
 * however many of its events it holds, and most events need no read from Elasticsearch at all.
 *
 * <p>The rebuild is the only writer of its fresh index until the swap, so what it wrote is what is
 * stored: a document it never wrote does not exist (no read needed), one it wrote recently is in the
 * bounded cache, and only one evicted from the cache is read back ({@code fetch}, after the writes in
 * flight have landed). That is why no sequence guard is needed here, unlike the live {@code DocumentWriter}.
 */
final class Fold<D> {

    private static final Logger log = LoggerFactory.getLogger(Fold.class);

    private final DocumentProjection<D> projection;
    private final Map<String, D> cache;
    private final Set<String> stored = new HashSet<>();
    private long skipped;

    Fold(DocumentProjection<D> projection, int cachedDocuments) {
        this.projection = projection;
        this.cache = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, D> eldest) {
                return size() > cachedDocuments;
            }
        };
    }

    /**
     * The documents the events change, as they are after the batch, in the order first changed.
     *
     * @param fetch reads documents that were written and have left the cache; called at most once per batch
     */
    Map<String, D> apply(List<EventEnvelope> events, Function<Set<String>, Map<String, D>> fetch) {
        List<Map.Entry<EventEnvelope, Collection<String>>> idsByEvent = new ArrayList<>(events.size());
        Set<String> toFetch = new LinkedHashSet<>();
        for (EventEnvelope event : events) {
            Collection<String> ids;
            try {
                ids = projection.documentIds(event);
            } catch (RuntimeException e) {
                skip(event, e);
                continue;
            }
            idsByEvent.add(Map.entry(event, ids));
            for (String id : ids) {
                if (stored.contains(id) && !cache.containsKey(id)) {
                    toFetch.add(id);
                }
            }
        }
        if (!toFetch.isEmpty()) {
            cache.putAll(fetch.apply(toFetch));
        }
        Map<String, D> changed = new LinkedHashMap<>();
        for (Map.Entry<EventEnvelope, Collection<String>> entry : idsByEvent) {
            for (String id : entry.getValue()) {
                D current = changed.containsKey(id) ? changed.get(id) : cache.get(id);
                D updated;
                try {
                    updated = projection.apply(id, current, entry.getKey());
                } catch (RuntimeException e) {
                    skip(entry.getKey(), e);
                    continue;
                }
                if (updated != null && !Objects.equals(updated, current)) {
                    changed.put(id, updated);
                }
            }
        }
        changed.forEach(cache::put);
        stored.addAll(changed.keySet());
        return changed;
    }

    /** Events the projection threw on: the live runner parks the same ones; the rebuild goes on without them. */
    long skipped() {
        return skipped;
    }

    private void skip(EventEnvelope event, RuntimeException e) {
        skipped++;
        if (skipped <= 10) {
            log.warn(
                    "rebuild of {}: skipped the event at {}-{}@{}: {}",
                    projection.name(),
                    event.topic(),
                    event.partition(),
                    event.offset(),
                    e.toString());
        }
    }
}
