package io.learningloop.access.web;

import io.learningloop.access.Caller;
import io.learningloop.access.Scope;
import io.learningloop.access.keys.ApiKey;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A bearer key before it is checked (only the token), and after (the {@link Caller}, whose scopes are
 * its authorities). The token is dropped once checked, so nothing later in the request can leak it.
 */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final transient Caller caller;
    private String token;

    private ApiKeyAuthentication(String token, Caller caller) {
        super(
                caller == null
                        ? List.of()
                        : caller.scopes().stream()
                                .map(Scope::wireName)
                                .map(SimpleGrantedAuthority::new)
                                .toList());
        this.token = token;
        this.caller = caller;
        setAuthenticated(caller != null);
    }

    static ApiKeyAuthentication unchecked(String token) {
        return new ApiKeyAuthentication(token, null);
    }

    /** The checked key: its caller as principal, the key itself (its rate limit) as details. */
    static ApiKeyAuthentication of(ApiKey key) {
        ApiKeyAuthentication authentication = new ApiKeyAuthentication(null, key.caller());
        authentication.setDetails(key);
        return authentication;
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public Object getPrincipal() {
        return caller;
    }

    @Override
    public String getName() {
        return caller == null ? "" : caller.keyId();
    }

    @Override
    public void eraseCredentials() {
        token = null;
    }
}
