package io.learningloop.analytics.verdicts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.learningloop.projection.elasticsearch.Indices;
import io.learningloop.testsupport.LocalStack;
import io.learningloop.testsupport.kibana.Kql;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one shipped Lens panel (infra/kibana/learning-loop.ndjson) against Elasticsearch as Kibana would:
 * its data view's index and time field, its KQL query ({@link Kql#toQuery}) and the dashboard's, its
 * bucket columns as nested aggregations (date_histogram by year, terms), its count and sum columns with
 * their filters, and its formulas from their math trees. Everything comes from the saved object, so a
 * panel changed wrongly gives a wrong number. Only what the shipped panels use is supported; anything
 * else fails loudly.
 */
final class LensPanel {

    /** Failsafe runs in the module directory. */
    static final Path SAVED_OBJECTS = Path.of("../infra/kibana/learning-loop.ndjson");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode lens;
    private final Map<String, JsonNode> dataViews;

    private LensPanel(JsonNode lens, Map<String, JsonNode> dataViews) {
        this.lens = lens;
        this.dataViews = dataViews;
    }

    static LensPanel load(String id) throws IOException {
        JsonNode lens = null;
        Map<String, JsonNode> dataViews = new LinkedHashMap<>();
        for (String line : Files.readAllLines(SAVED_OBJECTS, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode object = JSON.readTree(line);
            if (object.path("type").asText().equals("index-pattern")) {
                dataViews.put(object.path("id").asText(), object.path("attributes"));
            } else if (object.path("type").asText().equals("lens")
                    && object.path("id").asText().equals(id)) {
                lens = object;
            }
        }
        if (lens == null) {
            throw new IllegalArgumentException("no lens " + id + " in " + SAVED_OBJECTS);
        }
        return new LensPanel(lens, dataViews);
    }

    /**
     * The panel's table for a dashboard query and time range ({@code from} inclusive, {@code to}
     * exclusive, UTC days), in the indices of {@code prefix}: bucket key (the year, then any terms key,
     * joined by {@code |}) to column id to value; a division by zero is null, as Lens shows no point.
     */
    Map<String, Map<String, Double>> table(String prefix, String dashboardQuery, LocalDate from, LocalDate to)
            throws IOException, InterruptedException {
        Map<String, Map<String, Double>> table = new LinkedHashMap<>();
        JsonNode state = lens.at("/attributes/state");
        for (Map.Entry<String, JsonNode> layer :
                state.at("/datasourceStates/formBased/layers").properties()) {
            JsonNode dataView = dataViews.get(dataViewOf(layer.getKey()));
            String index = dataView.path("title").asText().replace(Indices.DEFAULT_PREFIX, prefix);
            JsonNode columns = layer.getValue().path("columns");
            List<String> buckets = new ArrayList<>();
            List<String> metrics = new ArrayList<>();
            for (JsonNode id : layer.getValue().path("columnOrder")) {
                JsonNode column = columns.get(id.asText());
                (column.path("isBucketed").asBoolean() ? buckets : metrics).add(id.asText());
            }

            ObjectNode request = JSON.createObjectNode();
            request.put("size", 0);
            ArrayNode filters = request.putObject("query").putObject("bool").putArray("filter");
            filters.add(Kql.toQuery(state.at("/query/query").asText()));
            filters.add(Kql.toQuery(dashboardQuery));
            ObjectNode range = filters.addObject()
                    .putObject("range")
                    .putObject(dataView.path("timeFieldName").asText());
            range.put("gte", from.toString());
            range.put("lt", to.toString());
            ObjectNode aggregations = request;
            for (String id : buckets) {
                aggregations = bucket(aggregations.putObject("aggs").putObject(id), columns.get(id));
            }
            ObjectNode leaf = aggregations.putObject("aggs");
            for (String id : metrics) {
                metric(leaf, id, columns.get(id));
            }
            if (leaf.isEmpty()) {
                aggregations.remove("aggs");
            }

            JsonNode response = search(index, request);
            collect(response.path("aggregations"), buckets, 0, "", columns, metrics, table);
        }
        return table;
    }

    private String dataViewOf(String layer) {
        for (JsonNode reference : lens.path("references")) {
            if (reference.path("name").asText().equals("indexpattern-datasource-layer-" + layer)) {
                return reference.path("id").asText();
            }
        }
        throw new IllegalStateException("layer " + layer + " names no data view");
    }

    private static ObjectNode bucket(ObjectNode aggregation, JsonNode column) {
        String field = column.path("sourceField").asText();
        switch (column.path("operationType").asText()) {
            case "date_histogram" -> {
                if (!column.at("/params/interval").asText().equals("y")) {
                    throw new IllegalArgumentException("only yearly histograms: " + column);
                }
                aggregation
                        .putObject("date_histogram")
                        .put("field", field)
                        .put("calendar_interval", "year")
                        .put("time_zone", "UTC")
                        .put("min_doc_count", 1);
            }
            case "terms" ->
                aggregation
                        .putObject("terms")
                        .put("field", field)
                        .put("size", column.at("/params/size").asInt(10));
            default -> throw new IllegalArgumentException("bucket operation not supported: " + column);
        }
        return aggregation;
    }

    /** count: the bucket's (or its filter's) doc count; sum: a sum aggregation, inside its filter if any. */
    private static void metric(ObjectNode aggregations, String id, JsonNode column) {
        String operation = column.path("operationType").asText();
        if (operation.equals("formula") || operation.equals("math")) {
            return; // computed from the other columns
        }
        ObjectNode target = aggregations;
        if (column.has("filter")) {
            if (!column.at("/filter/language").asText().equals("kuery")) {
                throw new IllegalArgumentException("only KQL filters: " + column);
            }
            ObjectNode filter = aggregations.putObject(id);
            filter.set("filter", Kql.toQuery(column.at("/filter/query").asText()));
            target = filter.putObject("aggs");
        }
        switch (operation) {
            case "count" -> {
                if (!column.path("sourceField").asText().equals("___records___")) {
                    throw new IllegalArgumentException("only count of records: " + column);
                }
                if (!column.has("filter")) {
                    aggregations.remove(id);
                }
            }
            case "sum" ->
                target.putObject(column.has("filter") ? "value" : id)
                        .putObject("sum")
                        .put("field", column.path("sourceField").asText());
            default -> throw new IllegalArgumentException("metric operation not supported: " + column);
        }
        if (column.has("filter") && target.isEmpty()) {
            ((ObjectNode) aggregations.get(id)).remove("aggs");
        }
    }

    private static void collect(
            JsonNode aggregations,
            List<String> buckets,
            int depth,
            String key,
            JsonNode columns,
            List<String> metrics,
            Map<String, Map<String, Double>> table) {
        if (depth == buckets.size()) {
            Map<String, Double> row = table.computeIfAbsent(key, k -> new LinkedHashMap<>());
            for (String id : metrics) {
                JsonNode column = columns.get(id);
                String operation = column.path("operationType").asText();
                if (operation.equals("count")) {
                    row.put(
                            id,
                            column.has("filter")
                                    ? aggregations.path(id).path("doc_count").asDouble()
                                    : aggregations.path("doc_count").asDouble());
                } else if (operation.equals("sum")) {
                    JsonNode sum = column.has("filter") ? aggregations.path(id).path("value") : aggregations.path(id);
                    row.put(id, sum.path("value").asDouble());
                }
            }
            for (String id : metrics) {
                JsonNode column = columns.get(id);
                if (column.path("operationType").asText().equals("math")) {
                    row.put(id, math(column.at("/params/tinymathAst"), row));
                }
            }
            for (String id : metrics) {
                JsonNode column = columns.get(id);
                if (column.path("operationType").asText().equals("formula")) {
                    row.put(id, row.get(column.path("references").get(0).asText()));
                }
            }
            return;
        }
        for (JsonNode bucket : aggregations.path(buckets.get(depth)).path("buckets")) {
            String part = bucket.path("key").isNumber()
                    ? String.valueOf(Instant.ofEpochMilli(bucket.path("key").asLong())
                            .atZone(ZoneOffset.UTC)
                            .getYear())
                    : bucket.path("key").asText();
            collect(bucket, buckets, depth + 1, key.isEmpty() ? part : key + "|" + part, columns, metrics, table);
        }
    }

    /** Lens's tinymath tree over the row's columns; null (Lens: no value) where a part is or a division by zero. */
    private static Double math(JsonNode node, Map<String, Double> row) {
        if (node.isTextual()) {
            return row.get(node.asText());
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        List<Double> args = new ArrayList<>();
        for (JsonNode arg : node.path("args")) {
            args.add(math(arg, row));
        }
        if (args.contains(null)) {
            return null;
        }
        return switch (node.path("name").asText()) {
            case "divide" -> args.get(1) == 0 ? null : args.get(0) / args.get(1);
            case "add" -> args.get(0) + args.get(1);
            case "subtract" -> args.get(0) - args.get(1);
            case "multiply" -> args.get(0) * args.get(1);
            default -> throw new IllegalArgumentException("math function not supported: " + node);
        };
    }

    private static JsonNode search(String index, JsonNode request) throws IOException, InterruptedException {
        String login = LocalStack.elasticsearchAdminUser() + ":" + LocalStack.elasticsearchAdminPassword();
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(LocalStack.elasticsearchUrl() + "/" + index + "/_search"))
                                .header("Content-Type", "application/json")
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString(login.getBytes(StandardCharsets.UTF_8)))
                                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("search of " + index + " failed: " + response.statusCode() + " " + response.body()
                    + " for " + request);
        }
        return JSON.readTree(response.body());
    }
}
