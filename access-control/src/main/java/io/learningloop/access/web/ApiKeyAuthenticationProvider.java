package io.learningloop.access.web;

import io.learningloop.access.keys.ApiKeyStore;
import io.learningloop.access.keys.ApiKeyTokens;
import java.time.Clock;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

/**
 * Checks a bearer key against the store: shaped like a key, known, its secret's hash equal, not revoked,
 * not expired. Every failure reads the same to the caller (one message), so a probe learns nothing about
 * which keys exist. When the store cannot be read, the answer is "unavailable", not "unauthenticated".
 */
final class ApiKeyAuthenticationProvider implements AuthenticationProvider {

    static final String NOT_VALID = "the API key is not valid: unknown, revoked or expired";

    private final ApiKeyStore keys;
    private final Clock clock;

    ApiKeyAuthenticationProvider(ApiKeyStore keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String token = (String) authentication.getCredentials();
        ApiKeyTokens.Token parsed = ApiKeyTokens.parse(token).orElseThrow(() -> new BadCredentialsException(NOT_VALID));
        ApiKeyStore.StoredKey stored;
        try {
            stored = keys.find(parsed.keyId()).orElseThrow(() -> new BadCredentialsException(NOT_VALID));
        } catch (DataAccessException e) {
            throw new AuthenticationServiceException("the key store cannot be read", e);
        }
        if (!ApiKeyTokens.matches(parsed.secret(), stored.secretHash())
                || !stored.key().usableAt(clock.instant())) {
            throw new BadCredentialsException(NOT_VALID);
        }
        return ApiKeyAuthentication.of(stored.key());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ApiKeyAuthentication.class.isAssignableFrom(authentication);
    }
}
