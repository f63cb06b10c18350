package io.learningloop.analytics;

import io.learningloop.access.Scope;
import io.learningloop.access.web.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Figures and the staff report: analysts ({@code loops:read}) and staff ({@code reports:read}), inside their
 * units; what staff see is withheld below the minimum group size. The evidence list names individual
 * decisions and lessons with their free text, so it is for analysts only (matched first: the first rule
 * that matches a request decides).
 */
@Configuration(proxyBeanMethods = false)
public class AccessConfiguration {

    @Bean
    AccessRules readers() {
        return routes -> routes.requestMatchers(HttpMethod.GET, "/analytics/evidence")
                .hasAuthority(Scope.LOOPS_READ.wireName())
                .requestMatchers(HttpMethod.GET, "/analytics/**", "/reports/**")
                .hasAnyAuthority(Scope.LOOPS_READ.wireName(), Scope.REPORTS_READ.wireName());
    }
}
