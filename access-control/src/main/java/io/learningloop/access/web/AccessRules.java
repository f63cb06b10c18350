package io.learningloop.access.web;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's own routes and the scopes they need (docs/security.md has the table). The rules every
 * service shares come first (open probes, admin-only operations), then these; whatever no rule names
 * needs {@code admin}, so a route added without a rule is closed rather than open.
 */
@FunctionalInterface
public interface AccessRules {

    void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes);
}
