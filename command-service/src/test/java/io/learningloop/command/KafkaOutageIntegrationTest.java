package io.learningloop.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.learningloop.testsupport.EventTopicReader;
import io.learningloop.testsupport.LocalStack;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Kafka down must delay publication, never a command: the event table is the outbox. The service
 * first runs against a port where no broker listens, then restarts on the same database with Kafka.
 */
class KafkaOutageIntegrationTest {

    private final String schema = LocalStack.uniqueName("it_");
    private final String topic = LocalStack.uniqueName("it-events-");

    @Test
    void stepsAreAcceptedWhileKafkaIsDownAndPublishedOnceItIsBack() throws IOException {
        String eventId;
        try (ConfigurableApplicationContext kafkaDown = start("127.0.0.1:" + closedPort())) {
            StepPoster tool = new StepPoster("http://127.0.0.1:" + port(kafkaDown), TestTool.keyIn(schema));
            StepPoster.Answer made = tool.post("/decisions", Requests.decision("outage-d-1", "2025-03-01T10:00:00Z"));
            assertThat(made.status()).isEqualTo(201);
            eventId = made.body().get("eventId").asText();
            StepPoster.Answer observed =
                    tool.post("/decisions/outage-d-1/outcome", Requests.outcome("2025-04-01T10:00:00Z"));
            assertThat(observed.status()).isEqualTo(201);
        }

        try (ConfigurableApplicationContext kafkaBack = start(LocalStack.kafkaBootstrap());
                EventTopicReader reader = new EventTopicReader(topic)) {
            var published = await().atMost(Duration.ofSeconds(60)).until(reader::poll, records -> records.size() >= 2);
            assertThat(published).extracting(record -> record.key()).containsExactly("outage-d-1", "outage-d-1");
            assertThat(new String(
                            published.get(0).headers().lastHeader("event-id").value()))
                    .isEqualTo(eventId);
            assertThat(new String(
                            published.get(1).headers().lastHeader("event-type").value()))
                    .isEqualTo("OutcomeObserved");
        }
    }

    private ConfigurableApplicationContext start(String kafkaBootstrap) {
        return CommandServiceTestProperties.start(schema, topic, kafkaBootstrap, Map.of());
    }

    private static int port(ConfigurableApplicationContext context) {
        return CommandServiceTestProperties.port(context);
    }

    /** A port nothing listens on: taken from the OS, then released. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
