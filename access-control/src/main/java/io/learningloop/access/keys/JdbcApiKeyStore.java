package io.learningloop.access.keys;

import io.learningloop.access.Scope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code api_key} table ({@link AccessSchema}). The services only read it, by key id, on every request, so
 * a revocation counts from the next request on; only the command line ({@link KeysCommand}) writes it,
 * as the schema's owner (the services' roles may only read it).
 */
public class JdbcApiKeyStore implements ApiKeyStore {

    private static final String COLUMNS =
            "key_id, name, scopes, org_units, created_at, expires_at, revoked_at, requests_per_second, secret_hash";

    private final JdbcTemplate jdbc;

    public JdbcApiKeyStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public Optional<StoredKey> find(String keyId) {
        return jdbc
                .query("SELECT " + COLUMNS + " FROM api_key WHERE key_id = ?", JdbcApiKeyStore::stored, keyId)
                .stream()
                .findFirst();
    }

    public void create(ApiKey key, byte[] secretHash) {
        jdbc.update(
                "INSERT INTO api_key (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                key.keyId(),
                key.name(),
                key.scopes().stream().sorted().map(Scope::wireName).collect(Collectors.joining(" ")),
                String.join(" ", key.orgUnits()),
                Timestamp.from(key.createdAt()),
                key.expiresAt() == null ? null : Timestamp.from(key.expiresAt()),
                null,
                key.requestsPerSecond(),
                secretHash);
    }

    public List<ApiKey> list() {
        return jdbc.query("SELECT " + COLUMNS + " FROM api_key", JdbcApiKeyStore::stored).stream()
                .map(StoredKey::key)
                .sorted(Comparator.comparing(ApiKey::createdAt).thenComparing(ApiKey::keyId))
                .toList();
    }

    /** @return false when no key has that id; revoking a revoked key keeps its first revocation time */
    public boolean revoke(String keyId, Instant at) {
        int found = jdbc.update(
                "UPDATE api_key SET revoked_at = COALESCE(revoked_at, ?) WHERE key_id = ?", Timestamp.from(at), keyId);
        return found == 1;
    }

    private static StoredKey stored(ResultSet row, int number) throws SQLException {
        return new StoredKey(
                new ApiKey(
                        row.getString("key_id"),
                        row.getString("name"),
                        Arrays.stream(row.getString("scopes").split(" "))
                                .map(name -> Scope.fromWireName(name)
                                        .orElseThrow(
                                                () -> new IllegalStateException("unknown scope in api_key: " + name)))
                                .collect(Collectors.toSet()),
                        List.of(row.getString("org_units").split(" ")),
                        instant(row.getTimestamp("created_at")),
                        instant(row.getTimestamp("expires_at")),
                        instant(row.getTimestamp("revoked_at")),
                        (Integer) row.getObject("requests_per_second")),
                row.getBytes("secret_hash"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
