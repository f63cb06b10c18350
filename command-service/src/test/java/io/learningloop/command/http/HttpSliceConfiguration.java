package io.learningloop.command.http;

import io.learningloop.access.Scope;
import io.learningloop.access.keys.ApiKeyStore;
import io.learningloop.access.testing.TestKeys;
import io.learningloop.access.web.AccessAutoConfiguration;
import io.learningloop.command.AccessConfiguration;
import io.learningloop.command.pseudonyms.Pseudonymiser;
import io.learningloop.command.pseudonyms.TestPseudonyms;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Set;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * What a {@code @WebMvcTest} of this package needs besides the controllers and their advice: the binder
 * both kinds of endpoint read steps with, the bulk import behind its controller, the limits of both, and a meter
 * registry, and the pseudonymiser the binder reads people with; and the services' filter chain, with a
 * tool key for {@code acme} that every request sends unless it says otherwise. The step sender is each
 * test's mock.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties({BulkImportProperties.class, StepBodyProperties.class})
@Import({StepBinder.class, BulkImport.class, RequestJson.class, AccessConfiguration.class})
@ImportAutoConfiguration(AccessAutoConfiguration.class)
class HttpSliceConfiguration {

    /** A rate no test reaches: the fuzz test's thousands of requests must reach the binder, not the limit. */
    static final TestKeys.Issued TOOL_KEY = TestKeys.issue("slice-tool", Set.of(Scope.STEPS_WRITE), 1_000_000, "acme");

    @Bean
    ApiKeyStore keys() {
        return TestKeys.storeOf(TOOL_KEY);
    }

    @Bean
    MockMvcBuilderCustomizer sendTheToolKey() {
        return mvc -> mvc.defaultRequest(
                MockMvcRequestBuilders.get("/").header(HttpHeaders.AUTHORIZATION, TOOL_KEY.bearer()));
    }

    /** The tests' key, configured explicitly: the service itself reads its key from a file. */
    @Bean
    Pseudonymiser pseudonymiser() {
        return TestPseudonyms.pseudonymiser();
    }

    @Bean
    LineBatches lineBatches() {
        return TestLineBatches.oneByOne();
    }

    @Bean
    MeterRegistry meters() {
        return new SimpleMeterRegistry();
    }
}
