package io.learningloop.access.keys;

import io.learningloop.access.Caller;
import io.learningloop.access.Scope;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A key as stored, without its secret (only the secret's hash is stored, and it never leaves the store).
 *
 * @param expiresAt null: does not expire
 * @param revokedAt null: not revoked
 * @param requestsPerSecond null: the service's default limit
 */
public record ApiKey(
        String keyId,
        String name,
        Set<Scope> scopes,
        List<String> orgUnits,
        Instant createdAt,
        Instant expiresAt,
        Instant revokedAt,
        Integer requestsPerSecond) {

    public ApiKey {
        scopes = Set.copyOf(scopes);
        orgUnits = List.copyOf(orgUnits);
    }

    public boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    public Caller caller() {
        return new Caller(keyId, name, scopes, orgUnits);
    }
}
