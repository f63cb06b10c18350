package io.learningloop.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.learningloop.codec.kafka.EventTopic;
import io.learningloop.codec.kafka.KafkaCredentials;
import io.learningloop.codec.kafka.TopicInitializer;
import io.learningloop.testsupport.EventTopicReader;
import io.learningloop.testsupport.LocalStack;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The stack's Kafka lets in only its SCRAM users, each with its ACLs (infra/stack/README.md,
 * "Security model"). The topic is the test's own, {@code learning-loop.it-<id>}, a name the ACLs cover
 * as they cover the platform's topic; each refusal is checked next to the same request by someone
 * allowed, so that a test cannot pass just because the request was wrong.
 */
class KafkaAccessIntegrationTest {

    private static final Duration SHORT = Duration.ofSeconds(5);

    private final String topic = LocalStack.uniqueName("learning-loop.it-access-");
    private final KafkaCredentials queryService = LocalStack.kafkaUser("LL_KAFKA_QUERY");
    private final KafkaCredentials commandService = LocalStack.kafkaUser("LL_KAFKA_COMMAND");

    @BeforeEach
    void oneRecordOnTheTestsTopic() throws Exception {
        TopicInitializer.ensure(
                LocalStack.kafkaBootstrap(),
                LocalStack.kafkaAdmin(),
                EventTopic.defaults().named(topic),
                SHORT);
        try (KafkaProducer<String, byte[]> producer = producer(LocalStack.kafkaAdmin())) {
            producer.send(record("k-1")).get(10, TimeUnit.SECONDS);
        }
    }

    @AfterEach
    void deleteTheTopic() throws Exception {
        try (Admin admin = Admin.create(LocalStack.kafkaAdminClientConfig())) {
            admin.deleteTopics(List.of(topic)).all().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void anAnonymousClientCannotListTopicsOnTheBrokerNorOnTheController() throws Exception {
        try (Admin admin = Admin.create(LocalStack.kafkaAdminClientConfig())) {
            assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS)).contains(topic);
        }
        try (Admin anonymous = Admin.create(anonymous(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            assertThatThrownBy(() -> anonymous.listTopics().names().get(10, TimeUnit.SECONDS))
                    .isInstanceOfAny(ExecutionException.class, java.util.concurrent.TimeoutException.class);
        }
        try (Admin anonymous = Admin.create(anonymous(
                AdminClientConfig.BOOTSTRAP_CONTROLLERS_CONFIG, LocalStack.required("LL_KAFKA_CONTROLLER")))) {
            assertThatThrownBy(() -> anonymous.describeCluster().clusterId().get(10, TimeUnit.SECONDS))
                    .isInstanceOfAny(ExecutionException.class, java.util.concurrent.TimeoutException.class);
        }
    }

    @Test
    void anAnonymousConsumerReadsNoRecordWhereTheAdminReadsOne() {
        try (EventTopicReader admin = new EventTopicReader(topic)) {
            await().atMost(Duration.ofSeconds(30)).until(admin::poll, records -> records.size() == 1);
        }
        try (EventTopicReader anonymous =
                new EventTopicReader(topic, anonymous(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            long until = System.nanoTime() + SHORT.toNanos();
            while (System.nanoTime() < until) {
                assertThat(anonymous.poll()).isEmpty();
            }
        }
    }

    @Test
    void theQueryServicesUserReadsTheTopicInItsGroupButCannotWriteIt() throws Exception {
        try (KafkaConsumer<String, byte[]> consumer =
                consumer(queryService, LocalStack.uniqueName("query-service-it-"))) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> consumer.poll(Duration.ofMillis(500)).count(), count -> count == 1);
            consumer.commitSync();
        }

        try (KafkaProducer<String, byte[]> producer = producer(queryService)) {
            assertThatThrownBy(() -> producer.send(record("k-2")).get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
        try (KafkaConsumer<String, byte[]> consumer = consumer(queryService, LocalStack.uniqueName("analytics-it-"))) {
            assertThatThrownBy(() -> consumer.poll(SHORT))
                    .as("reading in analytics' group")
                    .isInstanceOf(GroupAuthorizationException.class);
        }
    }

    @Test
    void theCommandServicesUserWritesTheTopicButCannotReadIt() throws Exception {
        try (KafkaProducer<String, byte[]> producer = producer(commandService)) {
            assertThat(producer.send(record("k-2")).get(10, TimeUnit.SECONDS).offset())
                    .isNotNegative();
        }
        try (KafkaConsumer<String, byte[]> consumer =
                consumer(commandService, LocalStack.uniqueName("query-service-it-"))) {
            assertThatThrownBy(() -> consumer.poll(SHORT))
                    .isInstanceOfAny(TopicAuthorizationException.class, GroupAuthorizationException.class);
        }
    }

    private ProducerRecord<String, byte[]> record(String key) {
        return new ProducerRecord<>(topic, key, "{}".getBytes(StandardCharsets.UTF_8));
    }

    private static String bootstrap() {
        return LocalStack.kafkaBootstrap();
    }

    /** A client that does not log in, failing fast. */
    private static Map<String, Object> anonymous(String bootstrapKey, String bootstrap) {
        Map<String, Object> config = new HashMap<>();
        config.put(bootstrapKey, bootstrap);
        config.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) SHORT.toMillis());
        config.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, (int) SHORT.toMillis());
        return config;
    }

    private static KafkaProducer<String, byte[]> producer(KafkaCredentials user) {
        Map<String, Object> config = new HashMap<>(user.clientProperties());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        // Not idempotent: so that a refused write is refused for the topic, not for the producer id.
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) SHORT.toMillis());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) SHORT.toMillis());
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    private KafkaConsumer<String, byte[]> consumer(KafkaCredentials user, String group) {
        Map<String, Object> config = new HashMap<>(user.clientProperties());
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }
}
