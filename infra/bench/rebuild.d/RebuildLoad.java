import io.learningloop.codec.kafka.EventEncoder;
import io.learningloop.contract.events.DecisionCategory;
import io.learningloop.contract.events.LoopEvent;
import io.learningloop.testsupport.LocalStack;
import io.learningloop.testsupport.SampleEvents;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Puts synthetic loops straight onto the event topic for infra/bench/rebuild: per loop a decision, its
 * outcome and a lesson drawn from it (3 events), as the command service would publish them, in org
 * units under bench/. Straight onto the topic because the HTTP path (about 200 steps/s in bulk) would
 * take hours for the few hundred thousand events a rebuild must read to be measured.
 * Usage: java -cp ... RebuildLoad.java TOPIC LOOPS RUN-ID
 */
public class RebuildLoad {
    public static void main(String[] args) throws Exception {
        String topic = args[0];
        int loops = Integer.parseInt(args[1]);
        String run = args[2];
        Map<String, Object> config = new HashMap<>(LocalStack.kafkaAdminClientConfig());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        EventEncoder encoder = new EventEncoder();
        DecisionCategory[] categories = DecisionCategory.values();
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < loops; i++) {
                String decision = "d-bench-" + run + "-" + i;
                String unit = "bench/u" + (i % 20);
                int year = 2020 + i % 6;
                send(producer, encoder, topic, SampleEvents.decision(
                        decision, unit, categories[i % categories.length], year + "-03-01T09:00:00Z"), 0);
                send(producer, encoder, topic, SampleEvents.outcome(decision, unit, year + "-06-01T09:00:00Z"), 1);
                send(producer, encoder, topic, SampleEvents.lesson(
                        "l-bench-" + run + "-" + i, unit, year + "-06-15T09:00:00Z", decision), 0);
                if ((i + 1) % 20_000 == 0) {
                    System.err.printf("[bench] %d of %d loops (%d events) sent%n", i + 1, loops, 3L * (i + 1));
                }
            }
            producer.flush();
        }
    }

    private static void send(
            KafkaProducer<String, byte[]> producer, EventEncoder encoder, String topic, LoopEvent event, long sequence) {
        producer.send(encoder.toRecord(topic, event, sequence), (metadata, error) -> {
            if (error != null) {
                System.err.println("[bench] send failed: " + error);
                System.exit(1);
            }
        });
    }
}
