package io.learningloop.infra.kibana;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough KQL to find the fields a saved query names: clauses {@code field : value} (value a
 * bare word, {@code *} or a quoted phrase), joined by {@code and}/{@code or}, optionally negated
 * with {@code not} or wrapped in parentheses. Anything else is rejected rather than skipped, so a
 * query the check cannot read never passes unchecked: simplify the query or teach this class.
 */
final class Kql {

    /** One {@code field : value} clause; {@code value} without quotes. */
    record Clause(String field, String value) {}

    private static final String OPEN = "\uE000";
    private static final String CLOSE = "\uE001";
    private static final Pattern QUOTED = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern JOIN = Pattern.compile("\\s+(?:and|or)\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern CLAUSE =
            Pattern.compile("([A-Za-z_@][\\w.@]*)\\s*:\\s*(\\*|\"(?:[^\"\\\\]|\\\\.)*\"|[^\\s()\":<>]+)");

    private Kql() {}

    /** @throws IllegalArgumentException when the query uses syntax beyond the simple clauses above */
    static List<Clause> clauses(String query) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        // Hide quoted phrases so that an "and" inside one does not split the query. The markers are
        // private-use characters: trim() would eat control characters.
        List<String> phrases = new ArrayList<>();
        Matcher quoted = QUOTED.matcher(query);
        StringBuilder masked = new StringBuilder();
        while (quoted.find()) {
            phrases.add(quoted.group());
            quoted.appendReplacement(masked, OPEN + (phrases.size() - 1) + CLOSE);
        }
        quoted.appendTail(masked);

        List<Clause> clauses = new ArrayList<>();
        for (String part : JOIN.split(masked.toString().trim())) {
            String clause = stripNotAndParentheses(part.trim());
            for (int i = 0; i < phrases.size(); i++) {
                clause = clause.replace(OPEN + i + CLOSE, phrases.get(i));
            }
            Matcher matcher = CLAUSE.matcher(clause);
            if (!matcher.matches()) {
                throw new IllegalArgumentException("cannot check KQL clause '" + clause + "' of query '" + query
                        + "': keep saved queries to field : value clauses joined by and/or");
            }
            String value = matcher.group(2);
            if (value.startsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            clauses.add(new Clause(matcher.group(1), value));
        }
        return clauses;
    }

    private static String stripNotAndParentheses(String clause) {
        String result = clause;
        boolean changed = true;
        while (changed) {
            changed = false;
            if (result.toLowerCase(Locale.ROOT).startsWith("not ")) {
                result = result.substring(4).trim();
                changed = true;
            }
            if (result.startsWith("(")) {
                result = result.substring(1).trim();
                changed = true;
            }
            if (result.endsWith(")")) {
                result = result.substring(0, result.length() - 1).trim();
                changed = true;
            }
        }
        return result;
    }
}
