package io.learningloop.analytics.metrics;

import io.learningloop.access.Scope;
import io.learningloop.access.keys.ApiKeyStore;
import io.learningloop.access.testing.TestKeys;
import io.learningloop.access.web.AccessAutoConfiguration;
import io.learningloop.analytics.AccessConfiguration;
import io.learningloop.analytics.definitions.Definitions;
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
 * What a {@code @WebMvcTest} of the analytics controller needs besides it: the services' filter chain
 * with analytics' rules, the privacy properties, the definitions' version, and keys served from memory. Every request sends the
 * analyst key for {@code acme} unless it says otherwise. Public: the evidence package's slices use it too.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(PrivacyProperties.class)
@Import({AccessConfiguration.class, Definitions.class})
@ImportAutoConfiguration(AccessAutoConfiguration.class)
public class AnalyticsSliceConfiguration {

    public static final TestKeys.Issued ANALYST_KEY =
            TestKeys.issue("slice-analyst", Set.of(Scope.LOOPS_READ), 1_000_000, "acme");

    /** An analyst of two subtrees of acme only. */
    public static final TestKeys.Issued ENG_ANALYST_KEY =
            TestKeys.issue("slice-eng-analyst", Set.of(Scope.LOOPS_READ), "acme/eng/platform", "acme/eng/data");

    public static final TestKeys.Issued STAFF_KEY = TestKeys.issue("slice-staff", Set.of(Scope.REPORTS_READ), "acme");

    public static final TestKeys.Issued TOOL_KEY = TestKeys.issue("slice-tool", Set.of(Scope.STEPS_WRITE), "acme");

    /** For the cohort-read limit's counter ({@link CohortReadLimit}: a filter, so the slice has it too). */
    @Bean
    MeterRegistry meters() {
        return new SimpleMeterRegistry();
    }

    @Bean
    ApiKeyStore keys() {
        return TestKeys.storeOf(ANALYST_KEY, ENG_ANALYST_KEY, STAFF_KEY, TOOL_KEY);
    }

    @Bean
    MockMvcBuilderCustomizer sendTheAnalystKey() {
        return mvc -> mvc.defaultRequest(
                MockMvcRequestBuilders.get("/").header(HttpHeaders.AUTHORIZATION, ANALYST_KEY.bearer()));
    }
}
