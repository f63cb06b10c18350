package io.learningloop.query.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.learningloop.codec.json.EventJson;
import io.learningloop.codec.kafka.EventEnvelope;
import io.learningloop.contract.OrgUnits;
import io.learningloop.contract.events.LoopEvent;
import io.learningloop.projection.DocumentProjection;
import io.learningloop.projection.elasticsearch.Indices;
import io.learningloop.readmodel.EventDocument;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/** Every event once, under its event id: a redelivered event finds its document and changes nothing. */
@Component
class EventsProjection implements DocumentProjection<EventDocument> {

    private final ObjectMapper json = EventJson.newMapper();
    private final Indices indices;

    EventsProjection(Indices indices) {
        this.indices = indices;
    }

    @Override
    public String name() {
        return "events";
    }

    @Override
    public String index() {
        return indices.events();
    }

    @Override
    public Class<EventDocument> documentClass() {
        return EventDocument.class;
    }

    @Override
    public Collection<String> documentIds(EventEnvelope envelope) {
        return List.of(envelope.eventId());
    }

    @Override
    public EventDocument apply(String documentId, EventDocument current, EventEnvelope envelope) {
        if (current != null) {
            return current; // events are immutable: the first copy stays, with its original Kafka position
        }
        LoopEvent event = envelope.event();
        return new EventDocument(
                event.eventId(),
                envelope.type(),
                envelope.revision(),
                event.aggregateId(),
                envelope.aggregateSequence(),
                event.orgUnit(),
                OrgUnits.selfAndAncestors(event.orgUnit()),
                event.occurredAt(),
                event.recordedAt(),
                event.sourceTool(),
                event.actor(),
                event.decisionsConcerned(),
                event.lessonsConcerned(),
                json.valueToTree(event),
                new EventDocument.KafkaPosition(envelope.topic(), envelope.partition(), envelope.offset()));
    }
}
