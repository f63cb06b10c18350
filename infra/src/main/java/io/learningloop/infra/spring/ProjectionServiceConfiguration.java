package io.learningloop.infra.spring;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import io.learningloop.codec.json.EventJson;
import io.learningloop.codec.kafka.EventTopic;
import io.learningloop.codec.kafka.TopicInitializer;
import io.learningloop.health.KafkaHealthIndicator;
import io.learningloop.infra.elasticsearch.IndexTemplates;
import io.learningloop.infra.elasticsearch.Indices;
import io.learningloop.infra.projection.DocumentProjection;
import io.learningloop.infra.projection.DocumentWriter;
import io.learningloop.infra.projection.ProjectionHealthIndicator;
import io.learningloop.infra.projection.ProjectionRunner;
import io.learningloop.infra.projection.ProjectionsEndpoint;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What every service that projects the event topic into Elasticsearch needs: the JSON mapping of
 * Boot's Elasticsearch client, index templates, the projection runner fed with the service's {@link DocumentProjection} beans, and
 * health indicators for Kafka and the runner (Boot adds Elasticsearch's). Services {@code @Import} it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProjectionServiceProperties.class)
public class ProjectionServiceConfiguration {

    /**
     * Boot builds the Elasticsearch client (and its health indicator) from {@code spring.elasticsearch.*};
     * this mapper makes it read and write documents with the events' JSON mapping (ISO-8601 times).
     */
    @Bean
    JsonpMapper jsonpMapper() {
        return new JacksonJsonpMapper(EventJson.newMapper());
    }

    @Bean
    Indices indices(ProjectionServiceProperties properties) {
        return new Indices(properties.elasticsearch().indexPrefix());
    }

    @Bean(destroyMethod = "close")
    ProjectionRunner projectionRunner(ProjectionServiceProperties properties, List<DocumentProjection<?>> projections,
                                      ElasticsearchClient client, MeterRegistry meters) {
        var kafka = properties.kafka();
        return new ProjectionRunner(
                new ProjectionRunner.Settings(kafka.bootstrapServers(), kafka.topic(), kafka.consumerGroup(),
                        kafka.maxPollRecords()),
                projections, new DocumentWriter(client), meters);
    }

    /** Templates and topic first, then consumption: no document is ever indexed without its mapping. */
    @Bean
    SmartLifecycle projectionStartup(ProjectionServiceProperties properties, ElasticsearchClient client,
                                     Indices indices, ProjectionRunner runner) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                IndexTemplates.install(client, indices);
                TopicInitializer.ensure(properties.kafka().bootstrapServers(),
                        EventTopic.defaults().named(properties.kafka().topic()), Duration.ofSeconds(30));
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

    @Bean(destroyMethod = "close")
    KafkaHealthIndicator kafkaHealthIndicator(ProjectionServiceProperties properties) {
        return new KafkaHealthIndicator(properties.kafka().bootstrapServers(), Duration.ofSeconds(2));
    }

    @Bean
    ProjectionHealthIndicator projectionHealthIndicator(ProjectionRunner runner) {
        return new ProjectionHealthIndicator(runner);
    }

    @Bean
    ProjectionsEndpoint projectionsEndpoint(ProjectionRunner runner) {
        return new ProjectionsEndpoint(runner);
    }
}
