package io.learningloop.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Org units form a hierarchy by path ({@code acme/eng/platform}). Projections index every ancestor so
 * that a query for {@code acme/eng} rolls up all of its teams with a plain term filter.
 */
public final class OrgUnits {

    public static final String PATTERN = "^[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_-]*)*$";
    public static final int MAX_LENGTH = 200;
    private static final Pattern VALID = Pattern.compile(PATTERN);

    private OrgUnits() {}

    public static boolean isValid(String path) {
        return path != null
                && path.length() <= MAX_LENGTH
                && VALID.matcher(path).matches();
    }

    /** {@code acme/eng/platform} gives {@code [acme, acme/eng, acme/eng/platform]}. */
    public static List<String> selfAndAncestors(String path) {
        List<String> paths = new ArrayList<>();
        int slash = path.indexOf('/');
        while (slash >= 0) {
            paths.add(path.substring(0, slash));
            slash = path.indexOf('/', slash + 1);
        }
        paths.add(path);
        return List.copyOf(paths);
    }
}
