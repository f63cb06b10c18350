package io.learningloop.access.testing;

import io.learningloop.access.Scope;
import io.learningloop.access.keys.AccessSchema;
import io.learningloop.access.keys.ApiKey;
import io.learningloop.access.keys.ApiKeyStore;
import io.learningloop.access.keys.ApiKeyTokens;
import io.learningloop.access.keys.JdbcApiKeyStore;
import io.learningloop.testsupport.LocalStack;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Keys for the services' tests, made as the command line makes them: a slice test serves them from
 * memory ({@link #storeOf}), an integration test writes them to the real key table ({@link #createIn}).
 */
public final class TestKeys {

    /** A key with its token, as its holder has it. */
    public record Issued(ApiKey key, ApiKeyTokens.Token token) {

        public String bearer() {
            return "Bearer " + token.value();
        }

        private byte[] hash() {
            return ApiKeyTokens.hash(token.secret());
        }
    }

    private TestKeys() {}

    public static Issued issue(String name, Set<Scope> scopes, String... orgUnits) {
        return issue(name, scopes, null, orgUnits);
    }

    public static Issued issue(String name, Set<Scope> scopes, Integer requestsPerSecond, String... orgUnits) {
        ApiKeyTokens.Token token = ApiKeyTokens.generate();
        return new Issued(
                new ApiKey(
                        token.keyId(),
                        name,
                        scopes,
                        List.of(orgUnits),
                        Instant.now().truncatedTo(ChronoUnit.MILLIS),
                        null,
                        null,
                        requestsPerSecond),
                token);
    }

    /** Every scope over {@code orgUnits}: for tests about something else than access. */
    public static Issued everything(String... orgUnits) {
        return issue("test-everything", Set.of(Scope.values()), 100_000, orgUnits);
    }

    public static ApiKeyStore storeOf(Issued... keys) {
        return keyId -> Arrays.stream(keys)
                .filter(issued -> issued.key().keyId().equals(keyId))
                .findFirst()
                .map(issued -> new ApiKeyStore.StoredKey(issued.key(), issued.hash()));
    }

    /** Writes the key to the key table (as its owner would); the service under test then accepts it. */
    public static Issued createIn(DataSource owner, Issued issued) {
        AccessSchema.migrate(
                owner,
                Map.of(
                        AccessSchema.SERVICE_ROLE,
                        LocalStack.postgresUser(),
                        AccessSchema.KEY_READER_ROLE,
                        LocalStack.postgresKeyReaderUser()));
        new JdbcApiKeyStore(owner).create(issued.key(), issued.hash());
        return issued;
    }

    /** Writes the key to the key table of the local stack's database (its default schema), as its owner. */
    public static Issued createInLocalStack(Issued issued) {
        DriverManagerDataSource owner = new DriverManagerDataSource(
                LocalStack.postgresUrl(), LocalStack.postgresOwnerUser(), LocalStack.postgresOwnerPassword());
        owner.setDriverClassName("org.postgresql.Driver");
        return createIn(owner, issued);
    }

    public static Optional<ApiKey> find(DataSource dataSource, String keyId) {
        return new JdbcApiKeyStore(dataSource).find(keyId).map(ApiKeyStore.StoredKey::key);
    }
}
