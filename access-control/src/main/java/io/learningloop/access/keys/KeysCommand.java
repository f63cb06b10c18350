package io.learningloop.access.keys;

import io.learningloop.access.Scope;
import io.learningloop.contract.OrgUnits;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@code keys create|list|revoke}: the only way keys are made or revoked (the services cannot write the
 * key table). It connects to PostgreSQL as the schema's owner, from the environment the stack writes:
 * {@code LL_POSTGRES_URL}, {@code LL_POSTGRES_OWNER_USER}, {@code LL_POSTGRES_OWNER_PASSWORD}.
 * <pre>
 * keys create --name incident-tool --scopes steps:write --units acme/eng [--expires 2027-06-30] [--rate 50] [--env LL_TOOL_KEY]
 * keys list
 * keys revoke KEY_ID
 * </pre>
 * {@code create} prints the key once (with {@code --env NAME}, as the shell assignment {@code NAME=key});
 * it cannot be shown again, only revoked and replaced.
 */
public final class KeysCommand {

    /** A refusal of the command line itself: printed without a stack trace, exit status 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    private static final String USAGE = "usage: keys create --name NAME --scopes SCOPE[,SCOPE] --units UNIT[,UNIT]"
            + " [--expires YYYY-MM-DD] [--rate REQUESTS_PER_SECOND] [--env VARIABLE]\n"
            + "       keys list\n"
            + "       keys revoke KEY_ID\n"
            + "scopes: steps:write loops:read reports:read admin";

    private final JdbcApiKeyStore store;
    private final Clock clock;
    private final PrintStream out;

    KeysCommand(JdbcApiKeyStore store, Clock clock, PrintStream out) {
        this.store = store;
        this.clock = clock;
        this.out = out;
    }

    public static void main(String[] args) {
        // What it prints is the answer (a key, the list); the libraries' INFO lines are not.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        try {
            DriverManagerDataSource owner = ownerDataSource(System.getenv());
            AccessSchema.migrate(owner, AccessSchema.rolesFrom(System.getenv()));
            new KeysCommand(new JdbcApiKeyStore(owner), Clock.systemUTC(), System.out).run(args);
        } catch (UsageException e) {
            System.err.println("keys: " + e.getMessage());
            System.exit(2);
        }
    }

    static DriverManagerDataSource ownerDataSource(Map<String, String> env) {
        String url = required(env, "LL_POSTGRES_URL");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                url, required(env, "LL_POSTGRES_OWNER_USER"), required(env, "LL_POSTGRES_OWNER_PASSWORD"));
        dataSource.setDriverClassName("org.postgresql.Driver");
        return dataSource;
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new UsageException(
                    name + " is not set (source the stack's stack.env: eval \"$(infra/stack/stack env)\")");
        }
        return value;
    }

    void run(String... args) {
        if (args.length == 0) {
            throw new UsageException(USAGE);
        }
        switch (args[0]) {
            case "create" -> create(options(Arrays.copyOfRange(args, 1, args.length)));
            case "list" -> list();
            case "revoke" -> {
                if (args.length != 2) {
                    throw new UsageException(USAGE);
                }
                revoke(args[1]);
            }
            default -> throw new UsageException(USAGE);
        }
    }

    private void create(Map<String, String> options) {
        String name = option(options, "name");
        if (name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
            throw new UsageException("--name: at most 200 characters, no control characters");
        }
        Set<Scope> scopes = new LinkedHashSet<>();
        for (String scope : option(options, "scopes").split(",")) {
            scopes.add(Scope.fromWireName(scope.trim())
                    .orElseThrow(() -> new UsageException("--scopes: unknown scope '" + scope + "'\n" + USAGE)));
        }
        List<String> units = new ArrayList<>();
        for (String unit : option(options, "units").split(",")) {
            if (!OrgUnits.isValid(unit.trim())) {
                throw new UsageException("--units: '" + unit + "' is not an org-unit path (" + OrgUnits.PATTERN + ")");
            }
            units.add(unit.trim());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant expires = options.containsKey("expires") ? expiry(options.get("expires"), now) : null;
        Integer rate = options.containsKey("rate") ? rate(options.get("rate")) : null;
        ApiKeyTokens.Token token = ApiKeyTokens.generate();
        store.create(
                new ApiKey(token.keyId(), name, scopes, units, now, expires, null, rate),
                ApiKeyTokens.hash(token.secret()));
        if (options.containsKey("env")) {
            out.println(options.get("env") + "=" + token.value());
        } else {
            out.println("key " + token.keyId() + " (" + name + "); shown once, keep it secret:");
            out.println(token.value());
        }
    }

    private void list() {
        out.printf(
                "%-12s  %-24s  %-30s  %-24s  %-10s  %-5s  %s%n",
                "KEY", "NAME", "SCOPES", "UNITS", "EXPIRES", "RATE", "STATE");
        Instant now = clock.instant();
        for (ApiKey key : store.list()) {
            out.printf(
                    "%-12s  %-24s  %-30s  %-24s  %-10s  %-5s  %s%n",
                    key.keyId(),
                    key.name(),
                    String.join(
                            ",",
                            key.scopes().stream().sorted().map(Scope::wireName).toList()),
                    String.join(",", key.orgUnits()),
                    key.expiresAt() == null
                            ? "-"
                            : key.expiresAt().atZone(ZoneOffset.UTC).toLocalDate(),
                    key.requestsPerSecond() == null ? "-" : key.requestsPerSecond(),
                    key.revokedAt() != null ? "revoked " + key.revokedAt() : key.usableAt(now) ? "active" : "expired");
        }
    }

    private void revoke(String keyId) {
        if (!store.revoke(keyId, clock.instant())) {
            throw new UsageException("no key has the id '" + keyId + "' (keys list shows them)");
        }
        out.println("key " + keyId + " revoked: refused from its next request on");
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new UsageException("expected --option value pairs, got '" + args[i] + "'\n" + USAGE);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static String option(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new UsageException("--" + name + " is required\n" + USAGE);
        }
        return value;
    }

    /** The key works through the given day (UTC) and is refused from the next. */
    private static Instant expiry(String date, Instant now) {
        try {
            Instant end = LocalDate.parse(date)
                    .plusDays(1)
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
            if (!end.isAfter(now)) {
                throw new UsageException("--expires: " + date + " has passed");
            }
            return end;
        } catch (DateTimeParseException e) {
            throw new UsageException("--expires: '" + date + "' is not a date (YYYY-MM-DD)");
        }
    }

    private static int rate(String text) {
        try {
            int rate = Integer.parseInt(text);
            if (rate < 1) {
                throw new NumberFormatException();
            }
            return rate;
        } catch (NumberFormatException e) {
            throw new UsageException("--rate: '" + text + "' is not a positive number of requests per second");
        }
    }
}
