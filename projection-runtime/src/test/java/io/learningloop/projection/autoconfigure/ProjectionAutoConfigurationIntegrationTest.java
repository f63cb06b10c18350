package io.learningloop.projection.autoconfigure;

import static io.learningloop.testsupport.SampleEvents.decision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.JsonData;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.learningloop.codec.kafka.EventEnvelope;
import io.learningloop.contract.events.DecisionCategory;
import io.learningloop.contract.events.DecisionMadeEvent;
import io.learningloop.health.Degraded;
import io.learningloop.projection.DocumentProjection;
import io.learningloop.projection.ProjectionRunner;
import io.learningloop.projection.ProjectionsEndpoint;
import io.learningloop.projection.elasticsearch.IndexTemplates;
import io.learningloop.testsupport.EventTopicWriter;
import io.learningloop.testsupport.LocalStack;
import io.learningloop.testsupport.ProjectionServiceTestProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchClientAutoConfiguration;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchRestClientAutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The runtime as a service gets it, without a service: Boot's Elasticsearch client configuration and
 * this auto-configuration, against the local stack, with one projection of the test's own. Whatever
 * a service then adds is covered by the services' integration tests.
 */
class ProjectionAutoConfigurationIntegrationTest {

    /** One document per decision, holding its title, in an index of the test's own. */
    record Title(String title) {}

    record TitlesProjection(String index) implements DocumentProjection<Title> {

        @Override
        public String name() {
            return "titles";
        }

        @Override
        public Class<Title> documentClass() {
            return Title.class;
        }

        @Override
        public Collection<String> documentIds(EventEnvelope envelope) {
            return envelope.event() instanceof DecisionMadeEvent made ? List.of(made.decisionId()) : List.of();
        }

        @Override
        public Title apply(String documentId, Title current, EventEnvelope envelope) {
            return new Title(((DecisionMadeEvent) envelope.event()).title());
        }
    }

    private final String topic = LocalStack.uniqueName("it-runtime-events-");
    private final String prefix = LocalStack.uniqueName("it-runtime-") + "-";

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    ElasticsearchRestClientAutoConfiguration.class,
                    ElasticsearchClientAutoConfiguration.class,
                    ProjectionAutoConfiguration.class))
            // What every service has: Boot's ObjectMapper, for which Boot would make its own JSON mapping.
            .withBean(ObjectMapper.class, ObjectMapper::new)
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withBean(TitlesProjection.class, () -> new TitlesProjection(prefix + "titles"))
            .withPropertyValues(
                    "spring.elasticsearch.uris=" + LocalStack.elasticsearchUrl(),
                    "learning-loop.kafka.bootstrap-servers=" + LocalStack.kafkaBootstrap(),
                    "learning-loop.kafka.topic=" + topic,
                    "learning-loop.kafka.consumer-group=" + LocalStack.uniqueName("it-runtime-"),
                    "learning-loop.kafka.max-poll-records=100",
                    "learning-loop.elasticsearch.index-prefix=" + prefix)
            .withPropertyValues(ProjectionServiceTestProperties.adminLoginPairs());

    @Test
    void bootFindsTheRuntimeInTheAutoConfigurationImports() {
        List<String> candidates = ImportCandidates.load(
                        AutoConfiguration.class, getClass().getClassLoader())
                .getCandidates();

        assertThat(candidates).contains(ProjectionAutoConfiguration.class.getName());
    }

    @Test
    void theElasticsearchClientWritesWithTheEventsJsonMappingNotBootsOwn() {
        contexts.run(context -> {
            assertThat(context).hasNotFailed();
            // Boot's own would be the bean "jacksonJsonpMapper"; it backs off only if this one comes first.
            assertThat(context.getBeansOfType(JsonpMapper.class)).containsOnlyKeys("jsonpMapper");
            ObjectMapper clientJson = ((JacksonJsonpMapper)
                            context.getBean(ElasticsearchClient.class)._jsonpMapper())
                    .objectMapper();
            assertThat(clientJson)
                    .isSameAs(((JacksonJsonpMapper) context.getBean(JsonpMapper.class)).objectMapper())
                    .isNotSameAs(context.getBean(ObjectMapper.class));
        });
    }

    @Test
    void aServiceWithoutItsElasticsearchOrKafkaUserDoesNotStartAndSaysWhatIsMissing() {
        contexts.withPropertyValues("spring.elasticsearch.username=")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("spring.elasticsearch.username is not set"));
        contexts.withPropertyValues("learning-loop.kafka.password=")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("a Kafka user and password are required"));
    }

    @Test
    void templatesAndTopicComeFirstThenTheRunnerProjectsTheTopic() {
        contexts.run(context -> {
            assertThat(context).hasNotFailed();
            ElasticsearchClient elasticsearch = context.getBean(ElasticsearchClient.class);
            // Only what this service writes: its projection's index (which has no template) and the
            // dead letters. Its Elasticsearch user could not create the others.
            for (String name : IndexTemplates.NAMES) {
                assertThat(elasticsearch
                                .indices()
                                .exists(request -> request.index(prefix + name))
                                .value())
                        .as("index %s%s", prefix, name)
                        .isEqualTo(name.equals("dead-letters"));
            }
            try (Admin admin = Admin.create(LocalStack.kafkaAdminClientConfig())) {
                Set<String> topics = admin.listTopics().names().get();
                assertThat(topics).contains(topic);
            }

            // Services project into indices the templates create; this projection's index is the test's own.
            elasticsearch.indices().create(request -> request.index(prefix + "titles"));
            try (EventTopicWriter writer = new EventTopicWriter(topic)) {
                writer.publish(
                        decision("d-runtime-1", "acme/eng", DecisionCategory.OPERATIONS, "2026-01-05T09:00:00Z"), 0);
            }
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                var document = elasticsearch.get(
                        request -> request.index(prefix + "titles").id("d-runtime-1"), Title.class);
                assertThat(document.found()).isTrue();
                assertThat(document.source()).isEqualTo(new Title("Decision d-runtime-1"));
                assertThat(context.getBean(ProjectionRunner.class).status().recordsCommitted())
                        .isEqualTo(1);
            });
        });
    }

    @Test
    void healthAndTheProjectionsEndpointAreThere() {
        contexts.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean("kafkaHealthIndicator", HealthIndicator.class)
                            .health()
                            .getStatus())
                    .isEqualTo(Status.UP);
            assertThat(context.getBean("projectionHealthIndicator", HealthIndicator.class)
                            .health()
                            .getStatus())
                    .isEqualTo(Status.UP);
            assertThat(context).hasSingleBean(ProjectionsEndpoint.class);
        });
    }

    /**
     * Elasticsearch's health is that of this deployment's indices (the test's prefix): green UP, a
     * missing replica DEGRADED, a shard with no copy DOWN. One node cannot lose a node, so the test
     * makes the same states: an index asking for a replica one node cannot hold, then one whose only
     * copy may go nowhere.
     */
    @Test
    void elasticsearchHealthIsThatOfTheDeploymentsIndicesAndSaysWhenACopyIsMissing() {
        contexts.run(context -> {
            assertThat(context).hasNotFailed();
            HealthIndicator indicator = context.getBean("elasticsearchHealthIndicator", HealthIndicator.class);
            ElasticsearchClient elasticsearch = context.getBean(ElasticsearchClient.class);
            assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
            assertThat(indicator.health().getDetails())
                    .containsEntry("indices", prefix + "*")
                    .containsEntry("unassignedShards", 0);
            try {
                elasticsearch
                        .indices()
                        .create(request -> request.index(prefix + "unreplicated")
                                .settings(
                                        settings -> settings.numberOfShards("1").numberOfReplicas("1")));
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    assertThat(indicator.health().getStatus()).isEqualTo(Degraded.STATUS);
                    assertThat(indicator.health().getDetails()).containsEntry("unassignedShards", 1);
                });

                elasticsearch
                        .indices()
                        .create(request -> request.index(prefix + "unplaced")
                                .waitForActiveShards(active -> active.count(0))
                                .settings(settings -> settings.numberOfShards("1")
                                        .numberOfReplicas("0")
                                        .otherSettings(
                                                "index.routing.allocation.require._name",
                                                JsonData.of("no-such-node"))));
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
                    assertThat(indicator.health().getDetails()).containsEntry("unassignedPrimaryShards", 1);
                });
            } finally {
                elasticsearch
                        .indices()
                        .delete(request -> request.index(prefix + "unreplicated", prefix + "unplaced")
                                .ignoreUnavailable(true));
            }
        });
    }
}
