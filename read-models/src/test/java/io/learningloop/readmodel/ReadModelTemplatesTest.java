package io.learningloop.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each index's record and its template agree on every field, nested records and lists of records
 * included, both ways: a field the record gains without the template (which is {@code dynamic: strict},
 * so every write would fail) or the template keeps without the record (a Kibana panel over a field no
 * longer written) fails here, not at run time.
 */
class ReadModelTemplatesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The mapping types a Java type may be stored as; a LocalDate is a day ({@code strict_date}). */
    private static final Map<Class<?>, Set<String>> TYPES = Map.ofEntries(
            Map.entry(String.class, Set.of("keyword", "text")),
            Map.entry(Instant.class, Set.of("date")),
            Map.entry(LocalDate.class, Set.of("date")),
            Map.entry(long.class, Set.of("long")),
            Map.entry(Long.class, Set.of("long")),
            Map.entry(int.class, Set.of("integer")),
            Map.entry(Integer.class, Set.of("integer")),
            Map.entry(double.class, Set.of("double")),
            Map.entry(Double.class, Set.of("double")),
            Map.entry(boolean.class, Set.of("boolean")),
            Map.entry(Boolean.class, Set.of("boolean")));

    @ParameterizedTest
    @EnumSource(ReadModel.class)
    void recordAndTemplateAgreeOnEveryFieldAndType(ReadModel model) throws IOException {
        List<String> disagreements = new ArrayList<>();
        compareRecord(model.document(), properties(model), "", disagreements);

        assertThat(disagreements)
                .as("%s vs %s", model.document().getSimpleName(), model.templateResource())
                .isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ReadModel.class)
    void everyFieldNameConstantNamesAMappedField(ReadModel model) throws IOException {
        JsonNode properties = properties(model);
        List<String> constants = Arrays.stream(model.document().getFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
                .map(ReadModelTemplatesTest::value)
                .toList();

        assertThat(constants).isNotEmpty();
        assertThat(constants)
                .allSatisfy(path -> assertThat(mapping(properties, path))
                        .as("%s in %s", path, model.templateResource())
                        .isNotNull());
    }

    private static void compareRecord(Class<?> record, JsonNode properties, String prefix, List<String> disagreements) {
        Set<String> names = Arrays.stream(record.getRecordComponents())
                .map(ReadModelTemplatesTest::name)
                .collect(Collectors.toSet());
        for (Iterator<String> mapped = properties.fieldNames(); mapped.hasNext(); ) {
            String name = mapped.next();
            if (!names.contains(name)) {
                disagreements.add(prefix + name + ": mapped, but no field of " + record.getSimpleName());
            }
        }
        for (RecordComponent component : record.getRecordComponents()) {
            String path = prefix + name(component);
            JsonNode mapping = properties.get(name(component));
            if (mapping != null) {
                compareField(elementType(component.getGenericType()), mapping, path, disagreements);
            } else {
                disagreements.add(path + ": a field of " + record.getSimpleName() + ", but not mapped");
            }
        }
    }

    private static void compareField(Class<?> type, JsonNode mapping, String path, List<String> disagreements) {
        String mapped = mapping.path("type").asText("object");
        if (type.isRecord()) {
            if (!mapped.equals("object") && !mapped.equals("nested") || !mapping.has("properties")) {
                disagreements.add(path + ": a record, mapped as " + mapped + " without properties");
            } else {
                compareRecord(type, mapping.get("properties"), path + ".", disagreements);
            }
        } else if (type == JsonNode.class) {
            if (!mapped.equals("object") || mapping.path("enabled").asBoolean(true)) {
                disagreements.add(path + ": kept as it is, so it must be an object mapping with enabled false");
            }
        } else {
            Set<String> allowed = type.isEnum() ? Set.of("keyword") : TYPES.get(type);
            if (allowed == null || !allowed.contains(mapped)) {
                disagreements.add(path + ": " + type.getSimpleName() + " mapped as " + mapped);
            } else if (type
                    == LocalDate.class
                    != mapping.path("format").asText().equals("strict_date")) {
                disagreements.add(path + ": a day (LocalDate) is mapped with format strict_date, an instant without");
            }
        }
    }

    /** The element type of a list, else the type itself. */
    private static Class<?> elementType(Type type) {
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            return (Class<?>) list.getActualTypeArguments()[0];
        }
        return (Class<?>) type;
    }

    private static String name(RecordComponent component) {
        JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
        return renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName();
    }

    /** A dotted path through object properties, or null. */
    private static JsonNode mapping(JsonNode properties, String path) {
        JsonNode node = null;
        for (String part : path.split("\\.")) {
            node = properties.get(part);
            if (node == null) {
                return null;
            }
            properties = node.path("properties");
        }
        return node;
    }

    private static JsonNode properties(ReadModel model) throws IOException {
        return JSON.readTree(model.templateJson())
                .path("template")
                .path("mappings")
                .path("properties");
    }

    private static String value(Field constant) {
        try {
            return (String) constant.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
