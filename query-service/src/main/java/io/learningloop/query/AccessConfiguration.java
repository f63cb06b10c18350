package io.learningloop.query;

import io.learningloop.access.Scope;
import io.learningloop.access.web.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Loops, their timelines and free text: analysts ({@code loops:read}), inside their units. */
@Configuration(proxyBeanMethods = false)
public class AccessConfiguration {

    @Bean
    AccessRules readers() {
        return routes ->
                routes.requestMatchers(HttpMethod.GET, "/loops", "/loops/**").hasAuthority(Scope.LOOPS_READ.wireName());
    }
}
