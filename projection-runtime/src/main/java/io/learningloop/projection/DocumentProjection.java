package io.learningloop.projection;

import io.learningloop.codec.kafka.EventEnvelope;
import java.util.Collection;

/**
 * A projection of events into one Elasticsearch index, one document per id.
 *
 * @param <D> the document, a record: equal documents are not written again
 */
public interface DocumentProjection<D> {

    /** For metrics and logs, kebab-case. */
    String name();

    String index();

    Class<D> documentClass();

    /** The ids of the documents the event changes; empty when it changes none. */
    Collection<String> documentIds(EventEnvelope envelope);

    /**
     * The document after the event. Must be pure and idempotent: applying an event the document
     * already reflects returns an equal document, and an event older than the state it would
     * overwrite (a lower aggregate sequence) leaves that state alone.
     *
     * @param current the document as stored, or {@code null} when there is none yet
     */
    D apply(String documentId, D current, EventEnvelope envelope);
}
