package io.learningloop.testsupport.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded generator of malformed input: bodies mutated from a valid one (wrong types, huge and negative
 * numbers, far dates, NUL, lone surrogates, duplicate keys, trailing garbage, missing and extra fields),
 * bad query values, path segments, content types and accept headers. The same seed gives the same
 * requests, so a failure found once is found again.
 */
public final class Mutations {

    /** Stands for a lone surrogate in a value; replaced by the JSON escape after serialising. */
    private static final String LONE_SURROGATE = "@@lone-surrogate@@";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** JSON values no field of any step should take as they are. */
    private static final List<String> BAD_VALUES = List.of(
            "1e400",
            "-1e400",
            "9223372036854775808",
            "-1",
            "0",
            "1.5",
            "true",
            "null",
            "[]",
            "{}",
            "[1, \"two\", null]",
            "{\"nested\": {\"deeper\": [1]}}",
            "\"\"",
            "\"   \"",
            "\"\\u0000\"",
            "\"a\\u0000b\"",
            "\"\\ud800\"",
            "\"tail\\udc00\"",
            "\"+999999999-12-31\"",
            "\"+10000-01-01\"",
            "\"+10000-01-01T00:00:00Z\"",
            "\"-4714-11-24T00:00:00Z\"",
            "\"0001-01-01T00:00:00Z\"",
            "\"1899-12-31T23:59:59Z\"",
            "\"2201-01-01\"",
            "\"2024-02-30\"",
            "\"2024-01-05T25:00:00Z\"",
            "\"9999\"",
            "\"yesterday\"",
            "\"ACME/Eng\"",
            "\"../../etc/passwd\"",
            "\"<script>alert(1)</script>\"",
            "\"" + "x".repeat(5_000) + "\"");

    /** Query parameter values that no parameter should take as they are. */
    private static final List<String> BAD_QUERY_VALUES = List.of(
            "",
            " ",
            "+10000-01-01",
            "-999999999-01-01",
            "+999999999-12-31",
            "0001-01-01",
            "1899-12-31",
            "2201-01-01",
            "2024-13-01",
            "2024-02-30",
            "9999",
            "10000",
            "-1",
            "0",
            "2147483647",
            "2147483648",
            "-2147483648",
            "99999999999999999999",
            "1e400",
            "NaN",
            "\u0000",
            "\ud800",
            "ACME",
            "acme//eng",
            "../..",
            "%",
            "x".repeat(5_000),
            "product,people",
            "decided");

    private static final List<String> BAD_IDS = List.of(
            "x".repeat(5_000),
            "x".repeat(101),
            "-starts-with-dash",
            "with space",
            "ümlaut",
            "\u0000",
            "\ud800",
            "a%00b",
            "..",
            "%2e%2e",
            "a;b",
            "a{b}",
            "1e400",
            "*");

    private static final List<String> CONTENT_TYPES = List.of(
            "*/*",
            "multipart/form-data",
            "multipart/form-data; boundary=x",
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "application/octet-stream",
            "application/json; charset=ISO-8859-1",
            "application/x-ndjson",
            "application/problem+json",
            "garbage",
            "application/");

    private static final List<String> ACCEPTS = List.of(
            "*/*", "text/html", "application/xml", "image/png", "application/problem+json", "garbage", "text/*");

    private final Random random;

    public Mutations(long seed) {
        this.random = new Random(seed);
    }

    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    public <T> T oneOf(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    public String badQueryValue() {
        return oneOf(BAD_QUERY_VALUES);
    }

    public String badId() {
        return oneOf(BAD_IDS);
    }

    public String contentType() {
        return oneOf(CONTENT_TYPES);
    }

    public String accept() {
        return oneOf(ACCEPTS);
    }

    /** A malformed variant of {@code validJson}, a JSON object; rarely, by chance, still a valid one. */
    public String body(String validJson) {
        ObjectNode body = parse(validJson);
        return switch (random.nextInt(10)) {
            case 0, 1, 2 -> replaceAValue(body);
            case 3 -> removeAField(body);
            case 4 -> addAField(body);
            case 5 -> duplicateAKey(body);
            case 6 -> write(body) + oneOf(List.of("garbage", "}", " {}", "\u0000", "[", " 1", "\n{\"a\":1}"));
            case 7 -> truncate(write(body));
            case 8 -> flipACharacter(write(body));
            default -> oneOf(List.of("", " ", "[]", "null", "42", "\"text\"", "{", "{}", "[{}]", "\u0000"));
        };
    }

    private String replaceAValue(ObjectNode body) {
        Slot slot = aSlot(body);
        String marker = "@@value-" + random.nextInt(1_000_000) + "@@";
        slot.set(JSON.getNodeFactory().textNode(marker));
        return write(body).replace("\"" + marker + "\"", oneOf(BAD_VALUES));
    }

    private String removeAField(ObjectNode body) {
        List<String> names = new ArrayList<>();
        body.fieldNames().forEachRemaining(names::add);
        body.remove(oneOf(names));
        return write(body);
    }

    /** A typo of an existing field (occuredAt) or a field no step has. */
    private String addAField(ObjectNode body) {
        List<String> names = new ArrayList<>();
        body.fieldNames().forEachRemaining(names::add);
        String name = oneOf(names);
        String typo = random.nextBoolean() && name.length() > 3
                ? name.substring(0, 2) + name.substring(3)
                : oneOf(List.of("extra", "@class", "__proto__", "", "\u0000", LONE_SURROGATE));
        body.put(typo, "value");
        return write(body);
    }

    /** The same key again after the complete body's first key, with another value. */
    private String duplicateAKey(ObjectNode body) {
        List<String> names = new ArrayList<>();
        body.fieldNames().forEachRemaining(names::add);
        String name = oneOf(names);
        String text = write(body);
        return text.substring(0, text.length() - 1) + ",\"" + name + "\":" + oneOf(BAD_VALUES) + "}";
    }

    private String truncate(String text) {
        return text.substring(0, random.nextInt(Math.max(text.length() - 1, 1)));
    }

    private String flipACharacter(String text) {
        int at = random.nextInt(text.length());
        char replacement = oneOf(List.of('"', '{', '}', ',', ':', '\\', '\u0000', 'x', ' ', '1'));
        return text.substring(0, at) + replacement + text.substring(at + 1);
    }

    /** Somewhere a value sits, at any depth: a field of an object or an element of an array. */
    private Slot aSlot(JsonNode root) {
        List<Slot> slots = new ArrayList<>();
        collect(root, slots);
        return oneOf(slots);
    }

    private static void collect(JsonNode node, List<Slot> slots) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                slots.add(value -> object.set(name, value));
                collect(object.get(name), slots);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                int index = i;
                slots.add(value -> array.set(index, value));
                collect(array.get(i), slots);
            }
        }
    }

    @FunctionalInterface
    private interface Slot {
        void set(JsonNode value);
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON object: " + json, e);
        }
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node).replace(LONE_SURROGATE, "\\ud800");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
