package io.learningloop.query.loops;

import io.learningloop.access.Scope;
import io.learningloop.access.keys.ApiKeyStore;
import io.learningloop.access.testing.TestKeys;
import io.learningloop.access.web.AccessAutoConfiguration;
import io.learningloop.query.AccessConfiguration;
import java.util.Set;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The service's filter chain in a {@code @WebMvcTest}: an analyst key for {@code acme} that every request
 * sends unless it says otherwise, a key for {@code acme/sales} only, and a staff key (reports only).
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(AccessConfiguration.class)
@ImportAutoConfiguration(AccessAutoConfiguration.class)
class ReadSliceConfiguration {

    static final TestKeys.Issued ANALYST = TestKeys.issue("slice-analyst", Set.of(Scope.LOOPS_READ), 1_000_000, "acme");
    static final TestKeys.Issued SALES_ANALYST =
            TestKeys.issue("sales-analyst", Set.of(Scope.LOOPS_READ), "acme/sales");
    static final TestKeys.Issued STAFF = TestKeys.issue("slice-staff", Set.of(Scope.REPORTS_READ), "acme");

    @Bean
    ApiKeyStore keys() {
        return TestKeys.storeOf(ANALYST, SALES_ANALYST, STAFF);
    }

    @Bean
    MockMvcBuilderCustomizer sendTheAnalystKey() {
        return mvc ->
                mvc.defaultRequest(MockMvcRequestBuilders.get("/").header(HttpHeaders.AUTHORIZATION, ANALYST.bearer()));
    }
}
