package io.learningloop.projection.elasticsearch;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of the indices. A prefix separates deployments (and gives every integration test its
 * own indices); Kibana's saved objects use the default prefix {@code learning-loop-}.
 *
 * <p>Each name below is an <em>alias</em>, which readers and writers use; the documents live in a
 * versioned concrete index behind it, {@code <alias>-v<N>} ({@link #versioned}), so that a rebuild
 * can fill {@code -v<N+1>} while {@code -v<N>} serves and then move the alias in one atomic call
 * (decision 0012). A deployment from before the aliases has a concrete index under the alias's
 * name; it keeps working until the first rebuild replaces it.
 */
public record Indices(String prefix) {

    public static final String DEFAULT_PREFIX = "learning-loop-";

    private static final Pattern VERSION = Pattern.compile("-v([0-9]{1,9})$");

    /** The concrete index of version {@code version} behind an alias: {@code learning-loop-loops-v3}. */
    public static String versioned(String alias, int version) {
        return alias + "-v" + version;
    }

    /** The version of a concrete index behind {@code alias}, empty if the name is no version of it. */
    public static OptionalInt versionOf(String alias, String index) {
        if (!index.startsWith(alias + "-v")) {
            return OptionalInt.empty();
        }
        Matcher matcher = VERSION.matcher(index.substring(alias.length()));
        return matcher.matches() ? OptionalInt.of(Integer.parseInt(matcher.group(1))) : OptionalInt.empty();
    }

    /** One document per event, {@code _id} = event id: the raw timeline. */
    public String events() {
        return prefix + "events";
    }

    /** One document per decision: stage timestamps and latencies of its loop. */
    public String loops() {
        return prefix + "loops";
    }

    /** One document per lesson: did it change a later decision? */
    public String lessons() {
        return prefix + "lessons";
    }

    /** One document per review with its verdict, recomputed by analytics (Kibana cannot join the loops). */
    public String reviews() {
        return prefix + "reviews";
    }

    /** One document per lesson with a theme and the reviews that named it again, recomputed by analytics. */
    public String relearning() {
        return prefix + "relearning";
    }

    /** One document per record a projection parked: see {@code DeadLetters}. */
    public String deadLetters() {
        return prefix + "dead-letters";
    }
}
