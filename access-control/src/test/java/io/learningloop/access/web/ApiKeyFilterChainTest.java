package io.learningloop.access.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.learningloop.access.Caller;
import io.learningloop.access.OutsideUnitsException;
import io.learningloop.access.Scope;
import io.learningloop.access.keys.ApiKey;
import io.learningloop.access.keys.ApiKeyStore;
import io.learningloop.access.testing.TestKeys;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The chain every service runs, around two routes of a service of its own: who gets in, and what they hear. */
@WebMvcTest(properties = "learning-loop.access.default-requests-per-second=1000")
@ImportAutoConfiguration(AccessAutoConfiguration.class)
@Import(ApiKeyFilterChainTest.Routes.class)
class ApiKeyFilterChainTest {

    static final TestKeys.Issued WRITER = TestKeys.issue("tool", Set.of(Scope.STEPS_WRITE), "acme/eng");
    static final TestKeys.Issued READER = TestKeys.issue("analyst", Set.of(Scope.LOOPS_READ), "acme/eng");
    static final TestKeys.Issued ADMIN = TestKeys.issue("operator", Set.of(Scope.ADMIN), "acme");
    static final TestKeys.Issued SLOW = TestKeys.issue("slow-tool", Set.of(Scope.STEPS_WRITE), 2, "acme");
    static final TestKeys.Issued REVOKED = revised(
            TestKeys.issue("old-tool", Set.of(Scope.STEPS_WRITE), "acme"), Instant.parse("2026-01-01T00:00:00Z"), null);
    static final TestKeys.Issued EXPIRED = revised(
            TestKeys.issue("temp-tool", Set.of(Scope.STEPS_WRITE), "acme"),
            null,
            Instant.parse("2026-01-01T00:00:00Z"));

    static final AtomicBoolean STORE_DOWN = new AtomicBoolean();

    @SpringBootApplication
    static class Service {}

    @RestController
    static class Routes {
        @PostMapping("/steps")
        String write(@AuthenticationPrincipal Caller caller, @RequestParam String orgUnit) {
            caller.requireCovers("orgUnit", orgUnit);
            return caller.name();
        }

        @GetMapping("/loops")
        String read(@AuthenticationPrincipal Caller caller) {
            return caller.keyId();
        }

        @GetMapping("/actuator/health/readiness")
        String ready() {
            return "UP";
        }

        @GetMapping("/unlisted")
        String unlisted() {
            return "admin only";
        }
    }

    @TestConfiguration
    static class Keys {
        @Bean
        ApiKeyStore keys() {
            ApiKeyStore keys = TestKeys.storeOf(WRITER, READER, ADMIN, SLOW, REVOKED, EXPIRED);
            return keyId -> {
                if (STORE_DOWN.get()) {
                    throw new DataAccessResourceFailureException("connection refused");
                }
                return keys.find(keyId);
            };
        }

        @Bean
        AccessRules rules() {
            return routes -> routes.requestMatchers("/steps")
                    .hasAuthority("steps:write")
                    .requestMatchers("/loops")
                    .hasAuthority("loops:read");
        }
    }

    @Autowired
    MockMvc mvc;

    private static TestKeys.Issued revised(TestKeys.Issued issued, Instant revokedAt, Instant expiresAt) {
        ApiKey key = issued.key();
        return new TestKeys.Issued(
                new ApiKey(
                        key.keyId(),
                        key.name(),
                        key.scopes(),
                        key.orgUnits(),
                        key.createdAt(),
                        expiresAt,
                        revokedAt,
                        key.requestsPerSecond()),
                issued.token());
    }

    @Test
    void withoutAKeyTheAnswerIs401AsAProblemThatSaysHowToAuthenticate() throws Exception {
        mvc.perform(get("/loops"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, startsWith("Bearer")))
                .andExpect(jsonPath("$.type").value("urn:learning-loop:problem:unauthenticated"))
                .andExpect(jsonPath("$.detail").value("this request needs an API key: Authorization: Bearer <key>"));
    }

    @Test
    void anUnknownRevokedExpiredOrMisshapenKeyIs401AndAllReadTheSame() throws Exception {
        String wrongSecret = "ll_" + WRITER.key().keyId() + "_" + "A".repeat(43);
        for (String authorization : new String[] {
            "Bearer " + wrongSecret,
            REVOKED.bearer(),
            EXPIRED.bearer(),
            "Bearer not-a-key",
            "Bearer "
                    + TestKeys.issue("never-stored", Set.of(Scope.ADMIN), "acme")
                            .token()
                            .value()
        }) {
            mvc.perform(get("/loops").header(HttpHeaders.AUTHORIZATION, authorization))
                    .andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.type").value("urn:learning-loop:problem:unauthenticated"))
                    .andExpect(jsonPath("$.detail").value(ApiKeyAuthenticationProvider.NOT_VALID));
        }
    }

    @Test
    void anotherSchemeIsRefusedNotTakenForAnonymous() throws Exception {
        mvc.perform(get("/loops").header(HttpHeaders.AUTHORIZATION, "Basic dXNlcjpwYXNz"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("the Authorization header must be 'Bearer <API key>'"));
    }

    @Test
    void aValidKeyReachesItsRoutesAndTheControllerSeesItsCaller() throws Exception {
        mvc.perform(get("/loops").header(HttpHeaders.AUTHORIZATION, READER.bearer()))
                .andExpect(status().isOk())
                .andExpect(content().string(READER.key().keyId()));
    }

    @Test
    void aKeyWithoutTheRoutesScopeIs403() throws Exception {
        mvc.perform(get("/loops").header(HttpHeaders.AUTHORIZATION, WRITER.bearer()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:learning-loop:problem:forbidden"));
        mvc.perform(post("/steps").param("orgUnit", "acme/eng").header(HttpHeaders.AUTHORIZATION, READER.bearer()))
                .andExpect(status().isForbidden());
    }

    @Test
    void aUnitOutsideTheKeysSubtreesIs403NamingTheField() throws Exception {
        mvc.perform(post("/steps")
                        .param("orgUnit", "acme/eng/platform")
                        .header(HttpHeaders.AUTHORIZATION, WRITER.bearer()))
                .andExpect(status().isOk());
        mvc.perform(post("/steps")
                        .param("orgUnit", "acme/engineering")
                        .header(HttpHeaders.AUTHORIZATION, WRITER.bearer()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:learning-loop:problem:outside-units"))
                .andExpect(jsonPath("$.errors[0].field").value("orgUnit"))
                .andExpect(jsonPath("$.detail")
                        .value(new OutsideUnitsException("orgUnit", "acme/engineering").getMessage()));
    }

    @Test
    void routesNoRuleNamesAndTheActuatorAreTheAdminsOnly() throws Exception {
        mvc.perform(get("/unlisted").header(HttpHeaders.AUTHORIZATION, READER.bearer()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/unlisted").header(HttpHeaders.AUTHORIZATION, ADMIN.bearer()))
                .andExpect(status().isOk());
        mvc.perform(get("/actuator/metrics").header(HttpHeaders.AUTHORIZATION, READER.bearer()))
                .andExpect(status().isForbidden());
    }

    @Test
    void theProbesAreOpen() throws Exception {
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
    }

    /**
     * Two per second for this key: a quick run of requests meets a 429 within a few (how many depends on
     * how fast this machine sends them, never more than 2 per elapsed second plus the burst of 2), and the
     * other keys are not slowed.
     */
    @Test
    void aKeyOverItsRateIsAnswered429WithRetryAfterAndOnlyItIsSlowed() throws Exception {
        long started = System.nanoTime();
        int accepted = 0;
        MockHttpServletResponse refusal = null;
        while (refusal == null && accepted < 50) {
            MockHttpServletResponse answer = mvc.perform(post("/steps")
                            .param("orgUnit", "acme/eng")
                            .header(HttpHeaders.AUTHORIZATION, SLOW.bearer()))
                    .andReturn()
                    .getResponse();
            if (answer.getStatus() == 429) {
                refusal = answer;
            } else {
                accepted++;
            }
        }
        long elapsedSeconds = (System.nanoTime() - started) / 1_000_000_000L;
        assertThat(refusal).as("a 429 within 50 requests").isNotNull();
        assertThat(accepted).isLessThanOrEqualTo(2 + 2 * (int) (elapsedSeconds + 1));
        assertThat(refusal.getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(refusal.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(refusal.getContentAsString()).contains("urn:learning-loop:problem:rate-limited");
        mvc.perform(post("/steps").param("orgUnit", "acme/eng").header(HttpHeaders.AUTHORIZATION, WRITER.bearer()))
                .andExpect(status().isOk());
    }

    @Test
    void whenTheKeyStoreIsUnreachableTheAnswerIs503NotA401OrA500() throws Exception {
        STORE_DOWN.set(true);
        try {
            mvc.perform(get("/loops").header(HttpHeaders.AUTHORIZATION, READER.bearer()))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string(HttpHeaders.RETRY_AFTER, "5"))
                    .andExpect(jsonPath("$.type").value("urn:learning-loop:problem:unavailable"));
        } finally {
            STORE_DOWN.set(false);
        }
    }
}
