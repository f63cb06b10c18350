package io.learningloop.analytics;

import io.learningloop.access.Scope;
import io.learningloop.access.web.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Figures and the staff report: analysts ({@code loops:read}) and staff ({@code reports:read}), inside
 * their units; what staff see is withheld below the minimum group size. The lists of individual
 * decisions, reviews and lessons (the evidence names them with their free text) are analysts' only,
 * matched first (the first rule that matches a request decides): staff read their counts and rates.
 */
@Configuration(proxyBeanMethods = false)
public class AccessConfiguration {

    /** The answers that list reviews or lessons one by one. */
    static final String[] LISTS = {"/analytics/evidence", "/analytics/reviews", "/analytics/relearning"};

    @Bean
    AccessRules readers() {
        return routes -> routes.requestMatchers(HttpMethod.GET, LISTS)
                .hasAuthority(Scope.LOOPS_READ.wireName())
                .requestMatchers(HttpMethod.GET, "/analytics/**", "/reports/**")
                .hasAnyAuthority(Scope.LOOPS_READ.wireName(), Scope.REPORTS_READ.wireName());
    }
}
