package io.learningloop.access.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.learningloop.problems.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * The refusals of the filter chain, as problem+json like every other answer: 401 (no key, or not a valid
 * one), 403 (the key's scopes do not allow the route), 429 (over the key's rate) and 503 (the key store
 * cannot be read, so nobody can be told apart). They are written here because they happen before any
 * controller, where the services' problem handler cannot see them.
 */
final class AccessProblems implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    static final String UNAVAILABLE_RETRY_SECONDS = "5";

    private final ObjectMapper json;

    AccessProblems(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refusal)
            throws IOException {
        if (refusal instanceof AuthenticationServiceException) {
            response.setHeader(HttpHeaders.RETRY_AFTER, UNAVAILABLE_RETRY_SECONDS);
            write(
                    response,
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "unavailable",
                    "API keys cannot be checked right now (the key store is unreachable); retry");
            return;
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"learning-loop\"");
        String detail = request.getHeader(HttpHeaders.AUTHORIZATION) == null
                ? "this request needs an API key: Authorization: Bearer <key>"
                : refusal.getMessage();
        write(response, HttpStatus.UNAUTHORIZED, "unauthenticated", detail);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refusal)
            throws IOException {
        write(response, HttpStatus.FORBIDDEN, "forbidden", "the scopes of this API key do not allow this request");
    }

    /** Spring Security's firewall refused the request before any route (an encoded {@code ..}, a {@code ;} in the path). */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException refusal)
            throws IOException {
        write(
                response,
                HttpStatus.BAD_REQUEST,
                "invalid-request",
                "the request's path or headers hold characters no route accepts (encoded dots or slashes, semicolons, control characters)");
    }

    void tooManyRequests(HttpServletResponse response, long retryAfterSeconds) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        write(
                response,
                HttpStatus.TOO_MANY_REQUESTS,
                "rate-limited",
                "this API key sent more requests per second than its limit; retry after " + retryAfterSeconds + " s");
    }

    private void write(HttpServletResponse response, HttpStatus status, String type, String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", Problems.TYPE_PREFIX + type);
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
