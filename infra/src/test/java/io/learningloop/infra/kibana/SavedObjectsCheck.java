package io.learningloop.infra.kibana;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.learningloop.testsupport.kibana.Kql;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a Kibana saved-objects export (NDJSON) against the index templates, without a Kibana: every
 * field a data view, Lens column, query, saved search or filter names must exist in the mapping of
 * the index its data view points at, with a type that fits what the object does with it; every
 * reference must point at an object in the file; the dashboard must place every visualization.
 * Each method returns human-readable problems, empty when all is well.
 */
final class SavedObjectsCheck {

    /** What an object does with a field, and so which mapped types fit. */
    enum Use {
        NUMERIC_METRIC("a numeric field (long, integer, double, float …)"),
        DATE_HISTOGRAM("a date field"),
        TERMS("a keyword, boolean, numeric or ip field (not text)"),
        AGGREGATABLE("an aggregatable field (not text, not an object)"),
        DATE("a date field"),
        QUERY("a searchable field (not an object)"),
        COLUMN("a field with values (not an object)"),
        SORT("a sortable field (not text, not an object)");

        final String needs;

        Use(String needs) {
            this.needs = needs;
        }
    }

    /**
     * One field named by one object. {@code dataViewId} is the data view it is resolved in (null when
     * the object names none); {@code queryValue} is the value of a KQL clause, else null.
     */
    record FieldUse(String objectId, String where, String dataViewId, String field, Use use, String queryValue) {}

    static final String RECORDS = "___records___";
    static final String LAYER_REFERENCE_PREFIX = "indexpattern-datasource-layer-";
    static final int DASHBOARD_COLUMNS = 48;

    private static final Set<String> NUMERIC_OPERATIONS = Set.of(
            "percentile", "median", "average", "sum", "min", "max", "standard_deviation", "percentile_rank", "range");
    private static final Set<String> AGGREGATABLE_OPERATIONS = Set.of("unique_count", "last_value", "count");
    /** Operations on other columns or on nothing at all: no field of their own. */
    private static final Set<String> FIELDLESS_OPERATIONS = Set.of(
            "formula",
            "math",
            "static_value",
            "cumulative_sum",
            "differences",
            "moving_average",
            "counter_rate",
            "overall_sum",
            "overall_min",
            "overall_max",
            "overall_average",
            "normalize_by_unit",
            "time_scale",
            "time_range",
            "interval",
            "now");

    private static final Set<String> AGGREGATABLE_FUNCTIONS = Set.of("unique_count", "last_value", "count");
    private static final Pattern FORMULA_KQL = Pattern.compile("\\bkql\\s*=\\s*'((?:[^'\\\\]|\\\\.)*)'");
    private static final Pattern FORMULA_LUCENE = Pattern.compile("\\blucene\\s*=\\s*'((?:[^'\\\\]|\\\\.)*)'");
    private static final Pattern FORMULA_FIELD_FUNCTION =
            Pattern.compile("\\b([a-z_]+)\\(\\s*([A-Za-z_@][\\w.@]*)\\s*(?=[,)])");

    private final ObjectMapper mapper = new ObjectMapper();
    private final TemplateMappings mappings;
    private final List<JsonNode> objects = new ArrayList<>();
    private final List<String> parseProblems = new ArrayList<>();
    private final List<String> collectProblems = new ArrayList<>();
    private final List<FieldUse> fieldUses = new ArrayList<>();

    SavedObjectsCheck(String ndjson, TemplateMappings mappings) {
        this.mappings = mappings;
        String[] lines = ndjson.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                JsonNode object = mapper.readTree(line);
                List<String> missing = new ArrayList<>();
                for (String key : List.of("id", "type", "attributes", "references")) {
                    if (!object.has(key)) {
                        missing.add(key);
                    }
                }
                if (!missing.isEmpty()) {
                    parseProblems.add("line " + (i + 1) + ": saved object without " + missing);
                }
                objects.add(object);
            } catch (JsonProcessingException e) {
                parseProblems.add("line " + (i + 1) + " is not one JSON object: " + e.getOriginalMessage());
            }
        }
        collectFieldUses();
    }

    List<JsonNode> objects() {
        return objects;
    }

    List<JsonNode> objectsOfType(String type) {
        return objects.stream()
                .filter(object -> type.equals(object.path("type").asText()))
                .toList();
    }

    List<FieldUse> fieldUses() {
        return fieldUses;
    }

    /** Everything below, for the mutation tests. */
    List<String> problems() {
        Set<String> all = new LinkedHashSet<>();
        all.addAll(fileProblems());
        all.addAll(dataViewProblems());
        all.addAll(fieldProblems());
        all.addAll(referenceProblems());
        all.addAll(lensStructureProblems());
        all.addAll(dashboardProblems());
        return List.copyOf(all);
    }

    /** Lines that are not saved objects, and ids used twice for one type. */
    List<String> fileProblems() {
        List<String> problems = new ArrayList<>(parseProblems);
        Set<String> seen = new HashSet<>();
        for (JsonNode object : objects) {
            String key = object.path("type").asText() + "/" + object.path("id").asText();
            if (!seen.add(key)) {
                problems.add("saved object " + key + " appears twice");
            }
        }
        return problems;
    }

    /**
     * Each data view's title is the index one template creates under the production prefix, its time
     * field is a date there, and each template has exactly one data view.
     */
    List<String> dataViewProblems() {
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> dataViewsByTemplate = new LinkedHashMap<>();
        for (JsonNode dataView : objectsOfType("index-pattern")) {
            String id = dataView.path("id").asText();
            String title = dataView.path("attributes").path("title").asText();
            // Each index is an alias over versioned indices (decision 0012): a pattern such as
            // learning-loop-loops* would match both and count every document twice.
            if (title.contains("*") || title.contains(",") || title.matches(".*-v[0-9]+$")) {
                problems.add("data view " + id + ": title '" + title + "' must be one index's alias, not a"
                        + " pattern, a list or a versioned index");
                continue;
            }
            Optional<String> template = mappings.templateFor(title);
            if (template.isEmpty()) {
                problems.add("data view " + id + ": title '" + title + "' is no template's index; the templates"
                        + " create " + mappings.indexPatterns());
                continue;
            }
            dataViewsByTemplate
                    .computeIfAbsent(template.get(), name -> new ArrayList<>())
                    .add(id);
            String timeField = dataView.path("attributes").path("timeFieldName").asText("");
            if (timeField.isEmpty()) {
                problems.add("data view " + id + " has no timeFieldName");
                continue;
            }
            Optional<JsonNode> mapping = mappings.field(title, timeField);
            if (mapping.isEmpty()) {
                problems.add("data view " + id + ": time field '" + timeField + "' is not in the mapping of " + title);
            } else if (!TemplateMappings.isDate(TemplateMappings.type(mapping.get()))) {
                problems.add("data view " + id + ": time field '" + timeField + "' is "
                        + TemplateMappings.type(mapping.get()) + " in " + title + ", not a date");
            }
        }
        for (String pattern : mappings.indexPatterns()) {
            String template = mappings.templateFor(pattern).orElseThrow();
            List<String> ids = dataViewsByTemplate.getOrDefault(template, List.of());
            if (ids.size() != 1) {
                problems.add("template " + template + " (" + pattern + ") should have one data view, has " + ids);
            }
        }
        return problems;
    }

    /** Every collected field exists in its data view's mapping with a type that fits its use. */
    List<String> fieldProblems() {
        List<String> problems = new ArrayList<>(collectProblems);
        for (FieldUse use : fieldUses) {
            String subject = use.objectId() + " (" + use.where() + "): field '" + use.field() + "'";
            Optional<String> index = dataViewTitle(use.dataViewId());
            if (index.isEmpty()) {
                problems.add(subject + " is read from data view '" + use.dataViewId()
                        + "', which is not a data view in the file");
                continue;
            }
            Optional<JsonNode> mapping = mappings.field(index.get(), use.field());
            if (mapping.isEmpty()) {
                problems.add(subject + " is not in the mapping of " + index.get());
                continue;
            }
            String type = TemplateMappings.type(mapping.get());
            if (!fits(use.use(), mapping.get())) {
                problems.add(subject + " is " + type + " in " + index.get() + " (" + describe(mapping.get()) + "), but "
                        + use.use() + " needs " + use.use().needs);
            } else if (use.queryValue() != null && !valueFits(type, use.queryValue())) {
                problems.add(subject + " is " + type + " in " + index.get() + ", which never matches '"
                        + use.queryValue() + "'");
            }
        }
        return problems;
    }

    /** Every reference points at an object of the file, of the type it names, once per name. */
    List<String> referenceProblems() {
        List<String> problems = new ArrayList<>();
        for (JsonNode object : objects) {
            Set<String> names = new HashSet<>();
            for (JsonNode reference : object.path("references")) {
                String target = reference.path("type").asText() + "/"
                        + reference.path("id").asText();
                if (find(reference.path("type").asText(), reference.path("id").asText())
                        .isEmpty()) {
                    problems.add(id(object) + ": reference '"
                            + reference.path("name").asText() + "' points at " + target + ", which is not in the file");
                }
                if (!names.add(reference.path("name").asText())) {
                    problems.add(id(object) + ": reference name '"
                            + reference.path("name").asText() + "' is used twice");
                }
            }
        }
        return problems;
    }

    /**
     * Lens state hangs together: column order lists exactly the columns, formula parts and
     * visualization accessors point at columns of their layer, and column data types match the
     * fields' mapped types.
     */
    List<String> lensStructureProblems() {
        List<String> problems = new ArrayList<>();
        for (JsonNode lens : objectsOfType("lens")) {
            String id = id(lens);
            JsonNode state = lens.path("attributes").path("state");
            JsonNode layers = state.path("datasourceStates").path("formBased").path("layers");
            for (Map.Entry<String, JsonNode> layer : layers.properties()) {
                JsonNode columns = layer.getValue().path("columns");
                Set<String> columnIds = new LinkedHashSet<>();
                columns.fieldNames().forEachRemaining(columnIds::add);
                Set<String> order = new LinkedHashSet<>();
                layer.getValue().path("columnOrder").forEach(column -> order.add(column.asText()));
                if (!order.equals(columnIds)) {
                    problems.add(id + " layer " + layer.getKey() + ": columnOrder " + order + " is not the columns "
                            + columnIds);
                }
                for (Map.Entry<String, JsonNode> column : columns.properties()) {
                    for (JsonNode reference : column.getValue().path("references")) {
                        if (!columnIds.contains(reference.asText())) {
                            problems.add(id + " column " + column.getKey() + " refers to column '" + reference.asText()
                                    + "', which its layer does not have");
                        }
                    }
                    problems.addAll(columnTypeProblems(
                            id, layerDataView(lens, layer.getKey()), column.getKey(), column.getValue()));
                }
            }
            String visualizationType =
                    lens.path("attributes").path("visualizationType").asText();
            if (!"lnsXY".equals(visualizationType)) {
                problems.add(id + ": visualizationType " + visualizationType + " is not checked yet; teach"
                        + " SavedObjectsCheck where its accessors are");
                continue;
            }
            for (JsonNode visLayer : state.path("visualization").path("layers")) {
                String layerId = visLayer.path("layerId").asText();
                JsonNode columns = layers.path(layerId).path("columns");
                if (!layers.has(layerId)) {
                    problems.add(id + ": visualization layer '" + layerId + "' is not a formBased layer");
                    continue;
                }
                List<String> accessors = new ArrayList<>();
                for (String single : List.of("xAccessor", "splitAccessor")) {
                    if (visLayer.has(single)) {
                        accessors.add(visLayer.get(single).asText());
                    }
                }
                visLayer.path("accessors").forEach(accessor -> accessors.add(accessor.asText()));
                visLayer.path("yConfig")
                        .forEach(config ->
                                accessors.add(config.path("forAccessor").asText()));
                for (String accessor : accessors) {
                    if (!columns.has(accessor)) {
                        problems.add(
                                id + ": visualization accessor '" + accessor + "' is not a column of layer " + layerId);
                    }
                }
            }
        }
        return problems;
    }

    /**
     * Each dashboard panel names a reference of the panel's type, panels fit the 48-column grid
     * without overlapping, and every visualization and saved search is on a dashboard.
     */
    List<String> dashboardProblems() {
        List<String> problems = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        List<JsonNode> dashboards = objectsOfType("dashboard");
        if (dashboards.isEmpty()) {
            problems.add("the file has no dashboard");
        }
        for (JsonNode dashboard : dashboards) {
            String id = id(dashboard);
            JsonNode panels = parseEmbedded(
                    dashboard.path("attributes").path("panelsJSON").asText("[]"), id + " panelsJSON", problems);
            Map<String, JsonNode> references = new LinkedHashMap<>();
            dashboard
                    .path("references")
                    .forEach(reference -> references.put(reference.path("name").asText(), reference));
            Set<String> panelIndices = new HashSet<>();
            List<int[]> cells = new ArrayList<>();
            for (JsonNode panel : panels) {
                String panelIndex = panel.path("panelIndex").asText();
                if (!panelIndices.add(panelIndex)) {
                    problems.add(id + ": panelIndex " + panelIndex + " is used twice");
                }
                String referenceName =
                        panelIndex + ":" + panel.path("panelRefName").asText();
                JsonNode reference = references.get(referenceName);
                if (reference == null) {
                    problems.add(id + ": panel " + panelIndex + " names reference '" + referenceName
                            + "', which the dashboard does not have");
                } else if (!reference
                        .path("type")
                        .asText()
                        .equals(panel.path("type").asText())) {
                    problems.add(id + ": panel " + panelIndex + " is a "
                            + panel.path("type").asText() + " but its reference points at a "
                            + reference.path("type").asText());
                } else {
                    placed.add(reference.path("type").asText() + "/"
                            + reference.path("id").asText());
                }
                JsonNode grid = panel.path("gridData");
                int[] cell = {
                    grid.path("x").asInt(-1),
                    grid.path("y").asInt(-1),
                    grid.path("w").asInt(0),
                    grid.path("h").asInt(0)
                };
                if (cell[0] < 0
                        || cell[1] < 0
                        || cell[2] <= 0
                        || cell[3] <= 0
                        || cell[0] + cell[2] > DASHBOARD_COLUMNS
                        || !panelIndex.equals(grid.path("i").asText())) {
                    problems.add(id + ": panel " + panelIndex + " has gridData " + grid + " outside the "
                            + DASHBOARD_COLUMNS + "-column grid or with i != panelIndex");
                }
                for (int[] other : cells) {
                    if (cell[0] < other[0] + other[2]
                            && other[0] < cell[0] + cell[2]
                            && cell[1] < other[1] + other[3]
                            && other[1] < cell[1] + cell[3]) {
                        problems.add(id + ": panel " + panelIndex + " overlaps another panel");
                    }
                }
                cells.add(cell);
            }
        }
        for (String type : List.of("lens", "visualization", "search")) {
            for (JsonNode object : objectsOfType(type)) {
                if (!placed.contains(type + "/" + object.path("id").asText())) {
                    problems.add(id(object) + " is on no dashboard");
                }
            }
        }
        return problems;
    }

    // ---- collecting the fields each object names ------------------------------------------------

    private void collectFieldUses() {
        for (JsonNode object : objects) {
            switch (object.path("type").asText()) {
                case "lens" -> collectLens(object);
                case "search" -> collectSearch(object);
                case "dashboard" -> collectDashboard(object);
                case "index-pattern" -> {
                    // title and time field: dataViewProblems()
                }
                default ->
                    collectProblems.add(id(object) + ": saved objects of type "
                            + object.path("type").asText() + " are not checked yet; teach SavedObjectsCheck");
            }
        }
    }

    private void collectLens(JsonNode lens) {
        String id = id(lens);
        JsonNode state = lens.path("attributes").path("state");
        JsonNode layers = state.path("datasourceStates").path("formBased").path("layers");
        if (!layers.isObject() || layers.isEmpty()) {
            collectProblems.add(id + " has no state.datasourceStates.formBased.layers (Kibana 8 Lens format)");
            return;
        }
        Set<String> layerDataViews = new LinkedHashSet<>();
        for (Map.Entry<String, JsonNode> layer : layers.properties()) {
            String dataView = layerDataView(lens, layer.getKey());
            if (dataView == null) {
                collectProblems.add(id + " layer " + layer.getKey() + " has no reference named '"
                        + LAYER_REFERENCE_PREFIX + layer.getKey() + "' naming its data view");
                continue;
            }
            layerDataViews.add(dataView);
            for (Map.Entry<String, JsonNode> column :
                    layer.getValue().path("columns").properties()) {
                collectColumn(id, "column " + column.getKey(), dataView, column.getValue());
            }
        }
        // The visualization's own query and filters apply to every layer.
        for (String dataView : layerDataViews) {
            collectQuery(id, "query", dataView, state.path("query"));
            collectFilters(id, lens, dataView, state.path("filters"));
        }
    }

    private void collectColumn(String id, String where, String dataView, JsonNode column) {
        String operation = column.path("operationType").asText();
        String field = column.path("sourceField").asText(null);
        if (column.has("filter")) {
            collectQuery(id, where + " filter", dataView, column.get("filter"));
        }
        if (NUMERIC_OPERATIONS.contains(operation)) {
            addField(id, where + " " + operation, dataView, field, Use.NUMERIC_METRIC);
        } else if ("date_histogram".equals(operation)) {
            addField(id, where + " " + operation, dataView, field, Use.DATE_HISTOGRAM);
        } else if ("terms".equals(operation)) {
            addField(id, where + " terms", dataView, field, Use.TERMS);
            column.path("params")
                    .path("secondaryFields")
                    .forEach(secondary -> addField(id, where + " terms", dataView, secondary.asText(), Use.TERMS));
        } else if (AGGREGATABLE_OPERATIONS.contains(operation)) {
            if (!"count".equals(operation) || (field != null && !RECORDS.equals(field))) {
                addField(id, where + " " + operation, dataView, field, Use.AGGREGATABLE);
            }
            if (column.path("params").has("sortField")) {
                addField(
                        id,
                        where + " sortField",
                        dataView,
                        column.path("params").path("sortField").asText(),
                        Use.DATE);
            }
        } else if ("formula".equals(operation)) {
            collectFormula(
                    id, where, dataView, column.path("params").path("formula").asText(""));
        } else if (!FIELDLESS_OPERATIONS.contains(operation)) {
            collectProblems.add(id + " " + where + ": operation '" + operation + "' is not checked yet; teach"
                    + " SavedObjectsCheck which field types it needs");
        }
    }

    /** The formula text itself, since Lens regenerates the hidden columns from it when it is edited. */
    private void collectFormula(String id, String where, String dataView, String formula) {
        Matcher kql = FORMULA_KQL.matcher(formula);
        while (kql.find()) {
            collectKql(id, where + " formula kql", dataView, kql.group(1).replace("\\'", "'"));
        }
        if (FORMULA_LUCENE.matcher(formula).find()) {
            collectProblems.add(id + " " + where + ": formula uses lucene=, which is not checked; use kql=");
        }
        String withoutQueries = FORMULA_LUCENE
                .matcher(FORMULA_KQL.matcher(formula).replaceAll(""))
                .replaceAll("");
        Matcher function = FORMULA_FIELD_FUNCTION.matcher(withoutQueries);
        while (function.find()) {
            String name = function.group(1);
            Use use = NUMERIC_OPERATIONS.contains(name)
                    ? Use.NUMERIC_METRIC
                    : AGGREGATABLE_FUNCTIONS.contains(name) ? Use.AGGREGATABLE : null;
            if (use == null) {
                collectProblems.add(id + " " + where + ": formula function " + name + "(" + function.group(2)
                        + ") is not checked yet; teach SavedObjectsCheck");
            } else {
                addField(id, where + " formula " + name + "()", dataView, function.group(2), use);
            }
        }
    }

    private void collectSearch(JsonNode search) {
        String id = id(search);
        JsonNode attributes = search.path("attributes");
        JsonNode source = parseEmbedded(
                attributes
                        .path("kibanaSavedObjectMeta")
                        .path("searchSourceJSON")
                        .asText("{}"),
                id + " searchSourceJSON",
                collectProblems);
        String dataView = referenceId(search, source.path("indexRefName").asText(""));
        if (dataView == null) {
            collectProblems.add(id + ": searchSourceJSON.indexRefName '"
                    + source.path("indexRefName").asText() + "' names no reference");
            return;
        }
        for (JsonNode column : attributes.path("columns")) {
            if (!"_source".equals(column.asText())) {
                addField(id, "column", dataView, column.asText(), Use.COLUMN);
            }
        }
        for (JsonNode sort : attributes.path("sort")) {
            String field = sort.path(0).asText();
            if (!"_score".equals(field)) {
                addField(id, "sort", dataView, field, Use.SORT);
            }
        }
        collectQuery(id, "query", dataView, source.path("query"));
        collectFilters(id, search, dataView, source.path("filter"));
    }

    /** The dashboard's query and filters apply to every panel, so to every data view its panels read. */
    private void collectDashboard(JsonNode dashboard) {
        String id = id(dashboard);
        JsonNode source = parseEmbedded(
                dashboard
                        .path("attributes")
                        .path("kibanaSavedObjectMeta")
                        .path("searchSourceJSON")
                        .asText("{}"),
                id + " searchSourceJSON",
                collectProblems);
        Set<String> dataViews = new LinkedHashSet<>();
        for (JsonNode reference : dashboard.path("references")) {
            find(reference.path("type").asText(), reference.path("id").asText())
                    .ifPresent(panel -> panel.path("references").forEach(inner -> {
                        if ("index-pattern".equals(inner.path("type").asText())) {
                            dataViews.add(inner.path("id").asText());
                        }
                    }));
        }
        for (String dataView : dataViews) {
            collectQuery(id, "query", dataView, source.path("query"));
            collectFilters(id, dashboard, dataView, source.path("filter"));
        }
    }

    private void collectQuery(String id, String where, String dataView, JsonNode query) {
        if (query.isMissingNode() || query.isNull()) {
            return;
        }
        String language = query.path("language").asText("kuery");
        String text = query.path("query").isTextual()
                ? query.path("query").asText()
                : query.path("query").toString();
        if (!"kuery".equals(language)) {
            if (!text.isBlank()) {
                collectProblems.add(
                        id + " " + where + ": " + language + " query '" + text + "' is not checked; use KQL");
            }
            return;
        }
        collectKql(id, where, dataView, text);
    }

    private void collectKql(String id, String where, String dataView, String kql) {
        try {
            for (Kql.Clause clause : Kql.clauses(kql)) {
                fieldUses.add(new FieldUse(
                        id, where + " '" + kql + "'", dataView, clause.field(), Use.QUERY, clause.value()));
            }
        } catch (IllegalArgumentException e) {
            collectProblems.add(id + " " + where + ": " + e.getMessage());
        }
    }

    /** Pinned filters: the field they name, in the data view their meta.index reference names (or the object's). */
    private void collectFilters(String id, JsonNode object, String dataView, JsonNode filters) {
        for (JsonNode filter : filters) {
            JsonNode meta = filter.path("meta");
            String indexRef =
                    meta.path("indexRefName").asText(meta.path("index").asText(""));
            String filterDataView = indexRef.isEmpty() ? dataView : referenceId(object, indexRef);
            if (meta.hasNonNull("key")) {
                addField(
                        id,
                        "filter",
                        filterDataView == null ? indexRef : filterDataView,
                        meta.get("key").asText(),
                        Use.QUERY);
            } else {
                collectProblems.add(id + ": filter " + filter + " names no meta.key; it is not checked");
            }
        }
    }

    private void addField(String id, String where, String dataView, String field, Use use) {
        if (field == null || field.isBlank()) {
            collectProblems.add(id + " " + where + " names no field");
            return;
        }
        fieldUses.add(new FieldUse(id, where, dataView, field, use, null));
    }

    // ---- helpers --------------------------------------------------------------------------------

    private List<String> columnTypeProblems(String id, String dataView, String columnId, JsonNode column) {
        String operation = column.path("operationType").asText();
        String dataType = column.path("dataType").asText();
        String field = column.path("sourceField").asText(null);
        if (NUMERIC_OPERATIONS.contains(operation)
                || AGGREGATABLE_OPERATIONS.contains(operation)
                || FIELDLESS_OPERATIONS.contains(operation)) {
            boolean numeric =
                    !"last_value".equals(operation) && !"static_value".equals(operation) && !"range".equals(operation);
            if (numeric && !"number".equals(dataType)) {
                return List.of(
                        id + " column " + columnId + ": " + operation + " gives numbers, dataType is " + dataType);
            }
            if ("percentile".equals(operation)) {
                double percentile = column.path("params").path("percentile").asDouble(-1);
                if (percentile <= 0 || percentile >= 100) {
                    return List.of(
                            id + " column " + columnId + ": params.percentile " + percentile + " is not in (0, 100)");
                }
            }
            return List.of();
        }
        Optional<JsonNode> mapping = Optional.ofNullable(field)
                .flatMap(name -> dataViewTitle(dataView).flatMap(index -> mappings.field(index, name)));
        if (mapping.isPresent()) {
            String expected = TemplateMappings.kibanaType(TemplateMappings.type(mapping.get()));
            if (!expected.equals(dataType)) {
                return List.of(id + " column " + columnId + ": dataType " + dataType + " but field " + field + " gives "
                        + expected);
            }
        }
        return List.of();
    }

    private static boolean fits(Use use, JsonNode mapping) {
        String type = TemplateMappings.type(mapping);
        boolean object = "object".equals(type) || "nested".equals(type);
        boolean text = "text".equals(type) || "match_only_text".equals(type);
        boolean aggregatable = !object && !text && mapping.path("doc_values").asBoolean(true);
        return switch (use) {
            case NUMERIC_METRIC -> TemplateMappings.isNumeric(type) && aggregatable;
            case DATE_HISTOGRAM, DATE -> TemplateMappings.isDate(type) && aggregatable;
            case TERMS ->
                aggregatable
                        && (TemplateMappings.isNumeric(type)
                                || Set.of("keyword", "constant_keyword", "boolean", "ip")
                                        .contains(type));
            case AGGREGATABLE, SORT -> aggregatable;
            case QUERY -> !object && mapping.path("index").asBoolean(true);
            case COLUMN -> !object;
        };
    }

    /** A KQL value a field of that type can match ({@code converted : yes} never does). */
    private static boolean valueFits(String type, String value) {
        if ("*".equals(value)) {
            return true;
        }
        if ("boolean".equals(type)) {
            return "true".equals(value) || "false".equals(value);
        }
        if (TemplateMappings.isNumeric(type)) {
            try {
                Double.parseDouble(value);
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }

    private static String describe(JsonNode mapping) {
        return mapping.toString().length() > 80 ? mapping.toString().substring(0, 77) + "..." : mapping.toString();
    }

    private Optional<String> dataViewTitle(String dataViewId) {
        return find("index-pattern", dataViewId)
                .map(dataView -> dataView.path("attributes").path("title").asText());
    }

    private Optional<JsonNode> find(String type, String id) {
        return objects.stream()
                .filter(object -> type.equals(object.path("type").asText())
                        && id != null
                        && id.equals(object.path("id").asText()))
                .findFirst();
    }

    /** The data view id of a Lens layer, from its {@code indexpattern-datasource-layer-<id>} reference. */
    private static String layerDataView(JsonNode lens, String layerId) {
        return referenceId(lens, LAYER_REFERENCE_PREFIX + layerId);
    }

    private static String referenceId(JsonNode object, String name) {
        for (JsonNode reference : object.path("references")) {
            if (name.equals(reference.path("name").asText())) {
                return reference.path("id").asText();
            }
        }
        return null;
    }

    private JsonNode parseEmbedded(String json, String what, List<String> problems) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            problems.add(what + " is not JSON: " + e.getOriginalMessage());
            return mapper.createObjectNode();
        }
    }

    private static String id(JsonNode object) {
        return object.path("type").asText() + " " + object.path("id").asText();
    }
}
