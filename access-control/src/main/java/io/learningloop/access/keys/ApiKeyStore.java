package io.learningloop.access.keys;

import java.util.Optional;

/** Where the services look a key up, by its public id, on every request. */
@FunctionalInterface
public interface ApiKeyStore {

    /** A stored key with the hash its caller's secret must match. */
    record StoredKey(ApiKey key, byte[] secretHash) {}

    Optional<StoredKey> find(String keyId);
}
