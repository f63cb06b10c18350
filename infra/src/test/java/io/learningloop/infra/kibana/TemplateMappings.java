package io.learningloop.infra.kibana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.learningloop.readmodel.ReadModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The field mappings the shipped index templates give each index, keyed by the index name a
 * deployment with the given prefix gets ({@code learning-loop-loops} for the production prefix).
 */
final class TemplateMappings {

    private static final Set<String> NUMERIC = Set.of(
            "long", "integer", "short", "byte", "double", "float", "half_float", "scaled_float", "unsigned_long");
    private static final Set<String> DATES = Set.of("date", "date_nanos");

    /** Index pattern (prefix substituted) to the template's top-level {@code properties}. */
    private final Map<String, JsonNode> propertiesByPattern = new LinkedHashMap<>();

    private final Map<String, String> templateByPattern = new LinkedHashMap<>();

    private TemplateMappings() {}

    static TemplateMappings withPrefix(String prefix) {
        ObjectMapper mapper = new ObjectMapper();
        TemplateMappings mappings = new TemplateMappings();
        for (ReadModel model : ReadModel.values()) {
            String name = model.templateName();
            JsonNode template;
            try {
                template = mapper.readTree(model.templateJson());
            } catch (IOException e) {
                throw new UncheckedIOException("template " + name + " is not JSON", e);
            }
            JsonNode properties = template.path("template").path("mappings").path("properties");
            if (!properties.isObject()) {
                throw new IllegalStateException("template " + name + " has no template.mappings.properties");
            }
            for (JsonNode pattern : template.path("index_patterns")) {
                String index = pattern.asText().replace("${prefix}", prefix);
                mappings.propertiesByPattern.put(index, properties);
                mappings.templateByPattern.put(index, name);
            }
        }
        return mappings;
    }

    /** The index patterns of all templates, prefix substituted. */
    Set<String> indexPatterns() {
        return propertiesByPattern.keySet();
    }

    /** The template whose index pattern the data view title (an index name) matches. */
    Optional<String> templateFor(String index) {
        return matchingPattern(index).map(templateByPattern::get);
    }

    /**
     * The mapping of a field, dotted paths resolved through object {@code properties} and
     * multi-field {@code fields} ({@code title.raw}).
     */
    Optional<JsonNode> field(String index, String path) {
        return matchingPattern(index)
                .flatMap(pattern -> lookup(propertiesByPattern.get(pattern), path.split("\\."), 0));
    }

    private Optional<String> matchingPattern(String index) {
        return propertiesByPattern.keySet().stream()
                .filter(pattern -> glob(pattern).matcher(index).matches())
                .findFirst();
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (String part : pattern.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

    /** Tries the longest dotted key first, since a mapping may also name a field {@code a.b} literally. */
    private static Optional<JsonNode> lookup(JsonNode properties, String[] parts, int from) {
        for (int to = parts.length; to > from; to--) {
            JsonNode node = properties.get(String.join(".", java.util.Arrays.copyOfRange(parts, from, to)));
            if (node == null) {
                continue;
            }
            if (to == parts.length) {
                return Optional.of(node);
            }
            if (node.has("properties")) {
                Optional<JsonNode> found = lookup(node.get("properties"), parts, to);
                if (found.isPresent()) {
                    return found;
                }
            }
            if (node.has("fields")
                    && to == parts.length - 1
                    && node.get("fields").has(parts[to])) {
                return Optional.of(node.get("fields").get(parts[to]));
            }
        }
        return Optional.empty();
    }

    /** {@code object} for object fields (they have properties, or are disabled), else the mapped type. */
    static String type(JsonNode mapping) {
        return mapping.path("type").asText("object");
    }

    static boolean isNumeric(String type) {
        return NUMERIC.contains(type);
    }

    static boolean isDate(String type) {
        return DATES.contains(type);
    }

    /** The type Lens gives a column over the field ({@code string}, {@code number}, …). */
    static String kibanaType(String type) {
        if (isNumeric(type)) {
            return "number";
        }
        if (isDate(type)) {
            return "date";
        }
        return switch (type) {
            case "keyword", "constant_keyword", "wildcard", "text", "match_only_text" -> "string";
            default -> type;
        };
    }
}
