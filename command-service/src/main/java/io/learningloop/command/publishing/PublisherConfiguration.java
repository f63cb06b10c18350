package io.learningloop.command.publishing;

import java.time.Duration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.producer.KafkaPublisher;
import org.axonframework.extensions.kafka.eventhandling.producer.ProducerFactory;
import org.axonframework.extensions.kafka.eventhandling.producer.TopicResolver;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PublisherConfiguration {

    /**
     * The Kafka extension registers the publisher's tracking processor itself (so the usual
     * {@code axon.eventhandling.processors.*} properties clash with it); its tuning goes here. By
     * default it handles one event per transaction, and the token update (a PostgreSQL commit) per
     * event then caps publication far below what the command side accepts.
     */
    @Bean
    ConfigurerModule kafkaPublisherBatching(
            @Value("${axon.kafka.publisher.processing-group}") String processor,
            @Value("${learning-loop.publisher.batch-size:100}") int batchSize) {
        return configurer -> configurer
                .eventProcessing()
                .registerTrackingEventProcessorConfiguration(
                        processor,
                        configuration -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(batchSize));
    }

    /**
     * In place of the extension's publisher (it steps back for this bean): one wait per batch. Not
     * there when publication is switched off, as the extension's is not.
     */
    @Bean(destroyMethod = "shutDown")
    @ConditionalOnProperty(name = "axon.kafka.publisher.enabled", havingValue = "true", matchIfMissing = true)
    KafkaPublisher<String, byte[]> kafkaPublisher(
            ProducerFactory<String, byte[]> producers,
            KafkaMessageConverter<String, byte[]> converter,
            TopicResolver topics,
            org.axonframework.config.Configuration axon,
            @Value("${learning-loop.publisher.batch-ack-timeout:10s}") Duration batchAckTimeout) {
        return new BatchAcknowledgedPublisher(
                KafkaPublisher.<String, byte[]>builder()
                        .messageMonitor(axon.messageMonitor(KafkaPublisher.class, "kafkaPublisher")),
                producers,
                converter,
                topics,
                batchAckTimeout);
    }
}
