package io.learningloop.access.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * {@code Authorization: Bearer <key>} to an unchecked authentication. No header: no authentication (the
 * route then decides: open probes pass, the rest answer 401). A header of another scheme or an empty
 * bearer is refused as it is: a tool that sends Basic credentials should hear so, not be treated as anonymous.
 */
final class BearerKeyConverter implements AuthenticationConverter {

    private static final String BEARER = "Bearer ";

    @Override
    public Authentication convert(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            return null;
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || header.substring(BEARER.length()).isBlank()) {
            throw new BadCredentialsException("the Authorization header must be 'Bearer <API key>'");
        }
        return ApiKeyAuthentication.unchecked(header.substring(BEARER.length()).trim());
    }
}
