package io.learningloop.command.publishing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.learningloop.contract.EventTypes;
import io.learningloop.contract.KafkaContract;
import io.learningloop.contract.events.LoopEvent;
import io.learningloop.infra.json.EventJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.springframework.stereotype.Component;

/**
 * Writes events in the project's own Kafka contract ({@link KafkaContract}) instead of Axon's
 * internal one: the value is the event as plain JSON, the key its aggregate id, and the headers
 * carry the event id, the contract's type name, its revision and the aggregate sequence.
 */
@Component
class LoopEventKafkaConverter implements KafkaMessageConverter<String, byte[]> {

    private final ObjectMapper json = EventJson.newMapper();

    @Override
    public ProducerRecord<String, byte[]> createKafkaMessage(EventMessage<?> message, String topic) {
        if (!(message.getPayload() instanceof LoopEvent event)) {
            throw new IllegalArgumentException("not an event of the contract: " + message.getPayloadType());
        }
        long sequence = message instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : 0L;
        List<Header> headers = List.of(
                header(KafkaContract.HEADER_EVENT_ID, event.eventId()),
                header(KafkaContract.HEADER_EVENT_TYPE, EventTypes.name(event.getClass())),
                header(KafkaContract.HEADER_EVENT_REVISION, EventTypes.revision(event.getClass())),
                header(KafkaContract.HEADER_AGGREGATE_SEQUENCE, Long.toString(sequence)));
        return new ProducerRecord<>(topic, null, null, event.aggregateId(), toJson(event), headers);
    }

    /** The command service only publishes; the consumers read with the infra module's decoder. */
    @Override
    public Optional<EventMessage<?>> readKafkaMessage(ConsumerRecord<String, byte[]> consumerRecord) {
        throw new UnsupportedOperationException("the command service does not consume the event topic");
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
