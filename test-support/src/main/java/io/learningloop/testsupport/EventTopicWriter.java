package io.learningloop.testsupport;

import io.learningloop.codec.kafka.EventEncoder;
import io.learningloop.codec.kafka.EventTopic;
import io.learningloop.codec.kafka.TopicInitializer;
import io.learningloop.contract.events.LoopEvent;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes events to a test's own topic exactly as the command service does (same encoder), as the admin. */
public final class EventTopicWriter implements AutoCloseable {

    private final String topic;
    private final EventEncoder encoder = new EventEncoder();
    private final KafkaProducer<String, byte[]> producer;

    public EventTopicWriter(String topic) {
        this.topic = topic;
        TopicInitializer.ensure(
                LocalStack.kafkaBootstrap(),
                LocalStack.kafkaAdmin(),
                EventTopic.defaults().named(topic),
                Duration.ofSeconds(30));
        Map<String, Object> config = new HashMap<>(LocalStack.kafkaAdminClientConfig());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    public void publish(LoopEvent event, long aggregateSequence) {
        send(encoder.toRecord(topic, event, aggregateSequence));
    }

    /** For records that are not events of the contract. */
    public void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot publish to " + topic, e.getCause());
        }
    }

    public String topic() {
        return topic;
    }

    @Override
    public void close() {
        producer.close();
    }
}
