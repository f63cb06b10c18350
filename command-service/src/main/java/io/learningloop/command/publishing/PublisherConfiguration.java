package io.learningloop.command.publishing;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.annotation.Value;
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
}
