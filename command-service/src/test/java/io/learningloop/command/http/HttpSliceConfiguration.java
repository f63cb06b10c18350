package io.learningloop.command.http;

import io.learningloop.command.pseudonyms.Pseudonymiser;
import io.learningloop.command.pseudonyms.TestPseudonyms;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * What a {@code @WebMvcTest} of this package needs besides the controllers and their advice: the binder
 * both kinds of endpoint read steps with, the bulk import behind its controller, the limits of both, and a meter
 * registry, and the pseudonymiser the binder reads people with. The step sender is each test's mock.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties({BulkImportProperties.class, StepBodyProperties.class})
@Import({StepBinder.class, BulkImport.class, RequestJson.class})
class HttpSliceConfiguration {

    /** The tests' key, configured explicitly: the service itself reads its key from a file. */
    @Bean
    Pseudonymiser pseudonymiser() {
        return TestPseudonyms.pseudonymiser();
    }

    @Bean
    MeterRegistry meters() {
        return new SimpleMeterRegistry();
    }
}
