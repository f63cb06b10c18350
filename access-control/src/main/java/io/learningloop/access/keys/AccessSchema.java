package io.learningloop.access.keys;

import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The key table's schema, migrated on its own history ({@code access_schema_history}, scripts under
 * {@code db/access}) so that this module owns it whichever service uses it: the command service applies it
 * at start-up after its own migrations, the key command line before it writes, and tests before they
 * make keys. Applying it again changes nothing. It needs the schema owner's connection.
 */
public final class AccessSchema {

    public static final String SERVICE_ROLE = "service_role";
    public static final String KEY_READER_ROLE = "key_reader_role";

    private AccessSchema() {}

    /** The roles as the stack's environment names them ({@code LL_POSTGRES_USER}, {@code LL_POSTGRES_KEY_READER_USER}). */
    public static Map<String, String> rolesFrom(Map<String, String> env) {
        return Map.of(
                SERVICE_ROLE, env.getOrDefault("LL_POSTGRES_USER", "ll_command"),
                KEY_READER_ROLE, env.getOrDefault("LL_POSTGRES_KEY_READER_USER", "ll_key_reader"));
    }

    private static String required(Map<String, String> roles, String name) {
        String role = roles.get(name);
        if (role == null || !role.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException(name + " must name a PostgreSQL role (lower case, digits, _): " + role);
        }
        return role;
    }

    /**
     * @param owner the schema owner's connection
     * @param roles {@code service_role} and {@code key_reader_role}: the roles granted to read the keys
     */
    public static void migrate(DataSource owner, Map<String, String> roles) {
        Flyway.configure()
                .dataSource(owner)
                .placeholders(Map.of(
                        SERVICE_ROLE, required(roles, SERVICE_ROLE), KEY_READER_ROLE, required(roles, KEY_READER_ROLE)))
                .locations("classpath:db/access")
                .table("access_schema_history")
                // the schema already holds the event store's tables: start this history beside them
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
