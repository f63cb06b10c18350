package io.learningloop.command.references;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class KnownStepsConfiguration {

    /**
     * The step lookup must fail its command when it cannot be written: Axon's default handler would
     * log the error and commit the event without its lookup row. (The group is subscribing, set in
     * application.yml, so it runs in the command's transaction.)
     */
    @Bean
    ConfigurerModule knownStepsPropagateErrors() {
        return configurer -> configurer
                .eventProcessing()
                .registerListenerInvocationErrorHandler(
                        KnownStepsProjection.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}
