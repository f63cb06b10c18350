package io.learningloop.access;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a key may do. Each scope is a Spring Security authority of its own name, so a route asks for
 * {@code hasAuthority("loops:read")} and the rule reads as the docs' table does (docs/security.md).
 */
public enum Scope {
    /** Post and correct steps, inside the key's org units. */
    STEPS_WRITE("steps:write"),
    /** Loop detail, timelines, free text, pseudonyms, and analytics without withholding, inside its units. */
    LOOPS_READ("loops:read"),
    /** Aggregates and the staff report only: no person, no free text, no figure over fewer than k people. */
    REPORTS_READ("reports:read"),
    /** Metrics, replays, dead letters, API docs, full health. Keys themselves are managed from the command line. */
    ADMIN("admin");

    private final String wireName;

    Scope(String wireName) {
        this.wireName = wireName;
    }

    /** The name keys, docs and the command line use ({@code steps:write}). */
    public String wireName() {
        return wireName;
    }

    public static Optional<Scope> fromWireName(String name) {
        return Arrays.stream(values())
                .filter(scope -> scope.wireName.equals(name))
                .findFirst();
    }
}
