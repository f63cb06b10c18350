package io.learningloop.command.publishing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.producer.KafkaPublisher;
import org.axonframework.extensions.kafka.eventhandling.producer.ProducerFactory;
import org.axonframework.extensions.kafka.eventhandling.producer.TopicResolver;
import org.axonframework.messaging.EventPublicationFailedException;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Axon's Kafka publisher, but acknowledged per batch: each event of the publisher's batch is sent at
 * once, and all their acknowledgements are awaited before the batch's unit of work commits (and with
 * it the processor's token). Axon's own publisher in {@code wait_for_ack} mode waits for each event's
 * acknowledgement before it sends the next, so publication ran at one broker round trip per event.
 *
 * <p>The outbox guarantee is unchanged: the token moves only once every event up to it is
 * acknowledged; if any acknowledgement fails or times out the batch is rolled back and published again
 * (a re-sent event is a duplicate on the topic, which the projections ignore by event id). Order per
 * loop stays: the events of one aggregate go to one partition, sent in order by one idempotent producer.
 */
final class BatchAcknowledgedPublisher extends KafkaPublisher<String, byte[]> {

    private static final String PENDING = BatchAcknowledgedPublisher.class.getName() + ".pending";

    private final ProducerFactory<String, byte[]> producers;
    private final KafkaMessageConverter<String, byte[]> converter;
    private final TopicResolver topics;
    private final Duration batchAckTimeout;

    BatchAcknowledgedPublisher(
            Builder<String, byte[]> builder,
            ProducerFactory<String, byte[]> producers,
            KafkaMessageConverter<String, byte[]> converter,
            TopicResolver topics,
            Duration batchAckTimeout) {
        super(builder.producerFactory(producers).messageConverter(converter).topicResolver(topics));
        this.producers = producers;
        this.converter = converter;
        this.topics = topics;
        this.batchAckTimeout = batchAckTimeout;
    }

    @Override
    public <T extends EventMessage<?>> void send(T event) {
        String topic = topics.resolve(event)
                .orElseThrow(() -> new EventPublicationFailedException("no topic for " + event.getPayloadType(), null));
        List<Future<RecordMetadata>> pending = pendingOf(CurrentUnitOfWork.get().root());
        Producer<String, byte[]> producer = producers.createProducer();
        try {
            pending.add(producer.send(converter.createKafkaMessage(event, topic)));
        } finally {
            producer.close(); // the factory's shared producer: closing it only hands it back
        }
    }

    /** The batch's sends, awaited once when it prepares to commit. */
    private List<Future<RecordMetadata>> pendingOf(UnitOfWork<?> batch) {
        return batch.getOrComputeResource(PENDING, key -> {
            List<Future<RecordMetadata>> pending = new ArrayList<>();
            batch.onPrepareCommit(unitOfWork -> awaitAll(pending));
            return pending;
        });
    }

    private void awaitAll(List<Future<RecordMetadata>> pending) {
        long deadline = System.nanoTime() + batchAckTimeout.toNanos();
        for (Future<RecordMetadata> acknowledgement : pending) {
            try {
                acknowledgement.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EventPublicationFailedException("interrupted while awaiting Kafka's acknowledgements", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new EventPublicationFailedException(
                        "Kafka did not acknowledge " + pending.size() + " events within " + batchAckTimeout, e);
            }
        }
    }
}
