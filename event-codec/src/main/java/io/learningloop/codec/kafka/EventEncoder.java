package io.learningloop.codec.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.learningloop.codec.json.EventJson;
import io.learningloop.contract.EventTypes;
import io.learningloop.contract.KafkaContract;
import io.learningloop.contract.events.LoopEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * Writes an event as a record of the Kafka contract ({@link KafkaContract}): the aggregate id as key,
 * the event as plain JSON, and the event id, type name, revision and aggregate sequence as headers.
 * The {@link EventDecoder} reads it back.
 */
public final class EventEncoder {

    private final ObjectMapper json = EventJson.newMapper();

    public ProducerRecord<String, byte[]> toRecord(String topic, LoopEvent event, long aggregateSequence) {
        return toRecord(topic, event, aggregateSequence, null);
    }

    /** @param writtenByKey the id of the API key that wrote the event; null: no such header (tests, old events) */
    public ProducerRecord<String, byte[]> toRecord(
            String topic, LoopEvent event, long aggregateSequence, String writtenByKey) {
        List<Header> headers = new ArrayList<>(List.of(
                header(KafkaContract.HEADER_EVENT_ID, event.eventId()),
                header(KafkaContract.HEADER_EVENT_TYPE, EventTypes.name(event.getClass())),
                header(KafkaContract.HEADER_EVENT_REVISION, EventTypes.revision(event.getClass())),
                header(KafkaContract.HEADER_AGGREGATE_SEQUENCE, Long.toString(aggregateSequence))));
        if (writtenByKey != null) {
            headers.add(header(KafkaContract.HEADER_WRITTEN_BY_KEY, writtenByKey));
        }
        return new ProducerRecord<>(topic, null, null, event.aggregateId(), toJson(event), headers);
    }

    private byte[] toJson(LoopEvent event) {
        try {
            return json.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + event.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
