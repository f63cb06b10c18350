package io.learningloop.projection.autoconfigure;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import io.learningloop.codec.json.EventJson;
import io.learningloop.codec.kafka.EventTopic;
import io.learningloop.codec.kafka.TopicInitializer;
import io.learningloop.health.BoundedHealthIndicators;
import io.learningloop.health.KafkaHealthIndicator;
import io.learningloop.projection.DeadLetters;
import io.learningloop.projection.DeadLettersEndpoint;
import io.learningloop.projection.DocumentProjection;
import io.learningloop.projection.DocumentWriter;
import io.learningloop.projection.ProjectionHealthIndicator;
import io.learningloop.projection.ProjectionRunner;
import io.learningloop.projection.ProjectionsEndpoint;
import io.learningloop.projection.elasticsearch.ElasticsearchHealthIndicator;
import io.learningloop.projection.elasticsearch.IndexTemplates;
import io.learningloop.projection.elasticsearch.Indices;
import io.learningloop.projection.rebuild.RebuildEndpoint;
import io.learningloop.projection.rebuild.RebuildHealthIndicator;
import io.learningloop.projection.rebuild.Rebuilds;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchClientAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * What every service that projects the event topic into Elasticsearch needs: the JSON mapping of
 * Boot's Elasticsearch client, index templates, the projection runner fed with the service's {@link DocumentProjection} beans, and
 * health indicators for Kafka, Elasticsearch (in place of Boot's) and the runner, the dead letters of records
 * a projection cannot write with {@code /actuator/deadletters}. A service gets it by
 * depending on this module (listed in {@code META-INF/spring/...AutoConfiguration.imports}); it runs
 * before Boot's Elasticsearch client configuration so that the client takes this JSON mapping.
 */
@AutoConfiguration(
        before = ElasticsearchClientAutoConfiguration.class,
        // its Elasticsearch health indicator gives way to this one's (same bean name)
        beforeName =
                "org.springframework.boot.actuate.autoconfigure.elasticsearch.ElasticsearchRestHealthContributorAutoConfiguration")
@EnableConfigurationProperties(ProjectionServiceProperties.class)
public class ProjectionAutoConfiguration {

    /**
     * Boot builds the Elasticsearch client (and its health indicator) from {@code spring.elasticsearch.*};
     * this mapper makes it read and write documents with the events' JSON mapping (ISO-8601 times).
     */
    @Bean
    JsonpMapper jsonpMapper() {
        return new JacksonJsonpMapper(EventJson.newMapper());
    }

    /**
     * Fails the start, naming what is missing, when the service has no Elasticsearch user or no Kafka
     * user: both refuse anonymous clients, which would otherwise fail later and less clearly.
     */
    @Bean
    Indices indices(ProjectionServiceProperties properties, Environment environment) {
        for (String login : List.of("spring.elasticsearch.username", "spring.elasticsearch.password")) {
            if (!StringUtils.hasText(environment.getProperty(login))) {
                throw new IllegalStateException(login + " is not set: Elasticsearch refuses anonymous clients"
                        + " (the services take it from LL_ES_<SERVICE>_USER and _PASSWORD, see infra/stack/README.md)");
            }
        }
        properties.kafka().credentials();
        return new Indices(properties.elasticsearch().indexPrefix());
    }

    @Bean
    DocumentWriter documentWriter(ElasticsearchClient client) {
        return new DocumentWriter(client);
    }

    @Bean
    DeadLetters deadLetters(
            ElasticsearchClient client,
            Indices indices,
            List<DocumentProjection<?>> projections,
            DocumentWriter writer) {
        return new DeadLetters(client, indices.deadLetters(), projections, writer, Clock.systemUTC());
    }

    @Bean(destroyMethod = "close")
    ProjectionRunner projectionRunner(
            ProjectionServiceProperties properties,
            List<DocumentProjection<?>> projections,
            DocumentWriter writer,
            DeadLetters deadLetters,
            MeterRegistry meters) {
        return new ProjectionRunner(runnerSettings(properties), projections, writer, deadLetters, meters);
    }

    private static ProjectionRunner.Settings runnerSettings(ProjectionServiceProperties properties) {
        var kafka = properties.kafka();
        return new ProjectionRunner.Settings(
                kafka.bootstrapServers(),
                kafka.credentials(),
                kafka.topic(),
                kafka.consumerGroup(),
                kafka.maxPollRecords());
    }

    /** Rebuilds of the projections into fresh versioned indices, swapped in by alias (decision 0012). */
    @Bean
    Rebuilds rebuilds(
            ProjectionServiceProperties properties,
            List<DocumentProjection<?>> projections,
            Indices indices,
            ElasticsearchClient client,
            ProjectionRunner runner,
            MeterRegistry meters) {
        return new Rebuilds(projections, indices, client, runner, runnerSettings(properties), meters);
    }

    @Bean
    RebuildEndpoint rebuildEndpoint(Rebuilds rebuilds) {
        return new RebuildEndpoint(rebuilds);
    }

    @Bean
    RebuildHealthIndicator rebuildHealthIndicator(Rebuilds rebuilds) {
        return new RebuildHealthIndicator(rebuilds);
    }

    /**
     * Templates and topic first, then consumption: no document is ever indexed without its mapping.
     * Only the templates of the indices this service writes (its projections' and the dead letters'):
     * its Elasticsearch user may create and map those alone (infra/stack/README.md).
     */
    @Bean
    SmartLifecycle projectionStartup(
            ProjectionServiceProperties properties,
            ElasticsearchClient client,
            Indices indices,
            List<DocumentProjection<?>> projections,
            ProjectionRunner runner) {
        Set<String> written = new LinkedHashSet<>();
        projections.forEach(projection -> written.add(projection.index()));
        written.add(indices.deadLetters());
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                IndexTemplates.install(client, indices, written);
                TopicInitializer.ensure(
                        properties.kafka().bootstrapServers(),
                        properties.kafka().credentials(),
                        EventTopic.defaults().named(properties.kafka().topic()),
                        Duration.ofSeconds(30));
                runner.start();
                running = true;
            }

            @Override
            public void stop() {
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }

    /** Health (Kafka, Elasticsearch, the runner) answers within a second even while a dependency hangs. */
    @Bean
    static BoundedHealthIndicators boundedHealthIndicators() {
        return new BoundedHealthIndicators();
    }

    @Bean(destroyMethod = "close")
    KafkaHealthIndicator kafkaHealthIndicator(ProjectionServiceProperties properties) {
        return new KafkaHealthIndicator(
                properties.kafka().bootstrapServers(),
                properties.kafka().credentials().clientProperties(),
                Duration.ofSeconds(2),
                properties.kafka().topic());
    }

    /** Named as Boot's, which it replaces: a yellow cluster (a replica missing) is DEGRADED here, not UP. */
    @Bean
    ElasticsearchHealthIndicator elasticsearchHealthIndicator(ElasticsearchClient client, Indices indices) {
        return new ElasticsearchHealthIndicator(client, indices);
    }

    @Bean
    ProjectionHealthIndicator projectionHealthIndicator(ProjectionRunner runner, DeadLetters deadLetters) {
        return new ProjectionHealthIndicator(runner, deadLetters);
    }

    @Bean
    ProjectionsEndpoint projectionsEndpoint(ProjectionRunner runner) {
        return new ProjectionsEndpoint(runner);
    }

    @Bean
    DeadLettersEndpoint deadLettersEndpoint(DeadLetters deadLetters) {
        return new DeadLettersEndpoint(deadLetters);
    }
}
