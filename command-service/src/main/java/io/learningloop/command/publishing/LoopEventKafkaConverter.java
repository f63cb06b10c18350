package io.learningloop.command.publishing;

import io.learningloop.codec.kafka.EventEncoder;
import io.learningloop.command.commands.Writer;
import io.learningloop.contract.events.LoopEvent;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.springframework.stereotype.Component;

/**
 * Publishes events in the project's own Kafka contract instead of Axon's internal one, so that any
 * consumer can read them without Axon: plain JSON, the aggregate id as key, and contract headers.
 */
@Component
class LoopEventKafkaConverter implements KafkaMessageConverter<String, byte[]> {

    private final EventEncoder encoder = new EventEncoder();

    @Override
    public ProducerRecord<String, byte[]> createKafkaMessage(EventMessage<?> message, String topic) {
        if (!(message.getPayload() instanceof LoopEvent event)) {
            throw new IllegalArgumentException("not an event of the contract: " + message.getPayloadType());
        }
        long sequence = message instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : 0L;
        return encoder.toRecord(topic, event, sequence, writtenBy(event, message));
    }

    /**
     * The key whose request wrote the event. What the platform records by itself (a missed check-in) may
     * carry the metadata of the command that scheduled it; it was not written by that key all the same.
     */
    private static String writtenBy(LoopEvent event, EventMessage<?> message) {
        if (LoopEvent.PLATFORM.equals(event.sourceTool())) {
            return LoopEvent.PLATFORM;
        }
        return message.getMetaData().get(Writer.KEY_ID) instanceof String keyId ? keyId : null;
    }

    /** The command service only publishes; consumers read with the event-codec module's decoder. */
    @Override
    public Optional<EventMessage<?>> readKafkaMessage(ConsumerRecord<String, byte[]> consumerRecord) {
        throw new UnsupportedOperationException("the command service does not consume the event topic");
    }
}
