package io.learningloop.access.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.learningloop.access.Scope;
import io.learningloop.access.keys.ApiKeyStore;
import io.learningloop.access.keys.JdbcApiKeyStore;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * The filter chain of every service: a bearer API key on every request but the liveness and readiness
 * probes, checked against the key store; the key's scopes as authorities; the shared rules, then the
 * service's {@link AccessRules}, then {@code admin} for anything else. Stateless: no session, no cookie,
 * so no CSRF to defend against.
 */
@AutoConfiguration(
        after = DataSourceAutoConfiguration.class,
        before = {SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
@EnableConfigurationProperties(AccessProperties.class)
@Import(OutsideUnitsAdvice.class)
public class AccessAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ApiKeyStore apiKeyStore(DataSource dataSource) {
        return new JdbcApiKeyStore(dataSource);
    }

    /** A bean, so that Boot does not create its default user with a generated password. */
    @Bean
    ApiKeyAuthenticationProvider apiKeyAuthenticationProvider(ApiKeyStore keys, ObjectProvider<Clock> clock) {
        return new ApiKeyAuthenticationProvider(keys, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    AccessProblems accessProblems(ObjectMapper json) {
        return new AccessProblems(json);
    }

    @Bean
    SecurityFilterChain apiKeyFilterChain(
            HttpSecurity http,
            ApiKeyAuthenticationProvider provider,
            ObjectProvider<AccessRules> serviceRules,
            AccessProperties properties,
            AccessProblems problems)
            throws Exception {
        AuthenticationEntryPointFailureHandler failures = new AuthenticationEntryPointFailureHandler(problems);
        // The key store being unreachable is answered 503 by the entry point, not rethrown as a 500.
        failures.setRethrowAuthenticationServiceException(false);
        AuthenticationFilter bearerKeys =
                new AuthenticationFilter(new ProviderManager(provider), new BearerKeyConverter());
        bearerKeys.setFailureHandler(failures);
        bearerKeys.setSuccessHandler((request, response, authentication) -> {
            // continue down the chain: an API call, not a login that redirects
        });
        String admin = Scope.ADMIN.wireName();
        return http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .anonymous(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterAt(bearerKeys, BasicAuthenticationFilter.class)
                .addFilterAfter(
                        new RateLimitFilter(problems, properties.defaultRequestsPerSecond()),
                        AuthenticationFilter.class)
                .exceptionHandling(
                        refusals -> refusals.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(routes -> {
                    routes.requestMatchers(HttpMethod.GET, "/actuator/health/liveness", "/actuator/health/readiness")
                            .permitAll()
                            // where the container forwards what failed; its answer is a problem, and the
                            // original request was authorized (or refused) on its own path already
                            .requestMatchers("/error")
                            .permitAll()
                            .requestMatchers("/actuator/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                            .hasAuthority(admin);
                    serviceRules.orderedStream().forEach(rules -> rules.authorize(routes));
                    routes.anyRequest().hasAuthority(admin);
                })
                .build();
    }
}
