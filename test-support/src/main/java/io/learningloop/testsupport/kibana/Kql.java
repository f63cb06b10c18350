package io.learningloop.testsupport.kibana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 *
 * <p>{@link #toQuery} translates the same subset to the Elasticsearch query Kibana sends for it, so that
 * a test can run a saved panel's own filter (in test-support: the saved objects are checked in infra,
 * the panels' numbers against the analytics API in analytics).
 */
public final class Kql {

    /** One {@code field : value} clause; {@code value} without quotes. */
    public record Clause(String field, String value) {}

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern TOKEN = Pattern.compile("\\s*(\\(|\\)|(?i:and|or|not)(?=[\\s(])|"
            + "([A-Za-z_@][\\w.@]*)\\s*:\\s*(\\*|\"(?:[^\"\\\\]|\\\\.)*\"|[^\\s()\":<>]+))");

    private static final String OPEN = "\uE000";
    private static final String CLOSE = "\uE001";
    private static final Pattern QUOTED = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern JOIN = Pattern.compile("\\s+(?:and|or)\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern CLAUSE =
            Pattern.compile("([A-Za-z_@][\\w.@]*)\\s*:\\s*(\\*|\"(?:[^\"\\\\]|\\\\.)*\"|[^\\s()\":<>]+)");

    private Kql() {}

    /** @throws IllegalArgumentException when the query uses syntax beyond the simple clauses above */
    public static List<Clause> clauses(String query) {
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

    /**
     * The Elasticsearch query of a KQL query of the subset above, as Kibana builds it: {@code f : *} is
     * an exists query, {@code f : v} a match (a term on keyword and boolean fields), {@code f : "a b"}
     * a match_phrase; {@code not} binds tighter than {@code and}, {@code and} tighter than {@code or}.
     * An empty query matches everything.
     *
     * @throws IllegalArgumentException when the query uses syntax beyond that subset
     */
    public static ObjectNode toQuery(String query) {
        if (query == null || query.isBlank()) {
            ObjectNode all = NODES.objectNode();
            all.putObject("match_all");
            return all;
        }
        List<String> tokens = new ArrayList<>();
        List<Clause> leaves = new ArrayList<>();
        Matcher token = TOKEN.matcher(query);
        int at = 0;
        while (at < query.length() && !query.substring(at).isBlank()) {
            if (!token.find(at) || token.start() != at) {
                throw new IllegalArgumentException(
                        "cannot translate KQL query '" + query + "' at: " + query.substring(at));
            }
            if (token.group(2) != null) {
                String value = token.group(3);
                leaves.add(new Clause(token.group(2), value));
                tokens.add("#" + (leaves.size() - 1));
            } else {
                tokens.add(token.group(1).toLowerCase(Locale.ROOT));
            }
            at = token.end();
        }
        Parser parser = new Parser(tokens, leaves, query);
        ObjectNode result = parser.or();
        if (parser.position != tokens.size()) {
            throw new IllegalArgumentException(
                    "cannot translate KQL query '" + query + "': unexpected " + tokens.get(parser.position));
        }
        return result;
    }

    /** Recursive descent over the tokens: or := and ("or" and)*; and := not ("and" not)*; not := "not" not | atom. */
    private static final class Parser {
        private final List<String> tokens;
        private final List<Clause> leaves;
        private final String query;
        private int position;

        Parser(List<String> tokens, List<Clause> leaves, String query) {
            this.tokens = tokens;
            this.leaves = leaves;
            this.query = query;
        }

        ObjectNode or() {
            List<JsonNode> parts = new ArrayList<>(List.of(and()));
            while (next("or")) {
                parts.add(and());
            }
            if (parts.size() == 1) {
                return (ObjectNode) parts.get(0);
            }
            ObjectNode bool = NODES.objectNode();
            ObjectNode inner = bool.putObject("bool");
            inner.putArray("should").addAll(parts);
            inner.put("minimum_should_match", 1);
            return bool;
        }

        ObjectNode and() {
            List<JsonNode> parts = new ArrayList<>(List.of(not()));
            while (next("and")) {
                parts.add(not());
            }
            if (parts.size() == 1) {
                return (ObjectNode) parts.get(0);
            }
            ObjectNode bool = NODES.objectNode();
            bool.putObject("bool").putArray("filter").addAll(parts);
            return bool;
        }

        ObjectNode not() {
            if (next("not")) {
                ObjectNode bool = NODES.objectNode();
                ArrayNode mustNot = bool.putObject("bool").putArray("must_not");
                mustNot.add(not());
                return bool;
            }
            if (next("(")) {
                ObjectNode inner = or();
                if (!next(")")) {
                    throw new IllegalArgumentException("cannot translate KQL query '" + query + "': missing )");
                }
                return inner;
            }
            if (position < tokens.size() && tokens.get(position).startsWith("#")) {
                return clause(leaves.get(Integer.parseInt(tokens.get(position++).substring(1))));
            }
            throw new IllegalArgumentException("cannot translate KQL query '" + query + "': expected a clause");
        }

        private boolean next(String expected) {
            if (position < tokens.size() && tokens.get(position).equals(expected)) {
                position++;
                return true;
            }
            return false;
        }

        private static ObjectNode clause(Clause clause) {
            ObjectNode query = NODES.objectNode();
            if (clause.value().equals("*")) {
                query.putObject("exists").put("field", clause.field());
            } else if (clause.value().startsWith("\"")) {
                String phrase =
                        clause.value().substring(1, clause.value().length() - 1).replaceAll("\\\\(.)", "$1");
                query.putObject("match_phrase").put(clause.field(), phrase);
            } else {
                query.putObject("match").putObject(clause.field()).put("query", clause.value());
            }
            return query;
        }
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
