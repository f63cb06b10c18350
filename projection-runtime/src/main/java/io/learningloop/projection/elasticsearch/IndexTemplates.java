package io.learningloop.projection.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.indices.PutIndexTemplateRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.learningloop.readmodel.ReadModel;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs the index templates (shipped by {@code read-models}, beside the records of the documents they
 * map: {@link ReadModel}) before anything is indexed, so every index gets explicit mappings (dates,
 * keywords, numbers) that Kibana relies on.
 * Templates are re-put on every start (changing a mapping means changing the JSON file), then the
 * first version of each index is created behind its alias if missing ({@link Indices}).
 */
public final class IndexTemplates {

    /** The template files; each one's {@code ${prefix}} placeholders take the deployment's prefix. */
    public static final List<String> NAMES = ReadModel.templateNames();

    private static final Logger log = LoggerFactory.getLogger(IndexTemplates.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private IndexTemplates() {}

    /** Every template: for tests and tools that set up all the indices at once. */
    public static void install(ElasticsearchClient client, Indices indices) {
        install(
                client,
                indices,
                NAMES.stream().map(name -> indices.prefix() + name).toList());
    }

    /**
     * The templates of the given indices only (full names, e.g. {@code learning-loop-loops}); names
     * without a template are skipped (a projection may write an index of its own).
     */
    public static void install(ElasticsearchClient client, Indices indices, Collection<String> indexNames) {
        for (String name : NAMES) {
            if (!indexNames.contains(indices.prefix() + name)) {
                continue;
            }
            String body = json(name).replace("${prefix}", indices.prefix());
            try {
                client.indices()
                        .putIndexTemplate(PutIndexTemplateRequest.of(request ->
                                request.withJson(new StringReader(body)).name(indices.prefix() + name)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot install index template " + name, e);
            }
            log.info("index template {}{} installed", indices.prefix(), name);
            String alias = indices.prefix() + name;
            if (!createFirstVersionIfMissing(client, alias)) {
                updateMapping(client, alias, body);
            }
        }
    }

    /**
     * The concrete indices behind {@code alias}; empty when there is no such alias (none at all, or a
     * concrete index of that name from before the aliases: {@link #isLegacyIndex}).
     */
    public static Set<String> aliasTargets(ElasticsearchClient client, String alias) {
        try {
            if (!client.indices().existsAlias(request -> request.name(alias)).value()) {
                return Set.of();
            }
            return new TreeSet<>(client.indices()
                    .getAlias(request -> request.name(alias))
                    .result()
                    .keySet());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read alias " + alias, e);
        }
    }

    /** A concrete index under the alias's own name: written before the aliases, replaced by the first rebuild. */
    public static boolean isLegacyIndex(ElasticsearchClient client, String alias) {
        try {
            return aliasTargets(client, alias).isEmpty()
                    && client.indices().exists(request -> request.index(alias)).value();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look up index " + alias, e);
        }
    }

    /**
     * A template applies only when an index is created; an index created by an older version gets the
     * fields added since through its mapping. A changed field type is refused by Elasticsearch: the
     * live index then keeps its mapping and the service says to rebuild (a rebuild creates a fresh
     * index from the current template), rather than refusing to start and leaving nothing to rebuild with.
     */
    private static void updateMapping(ElasticsearchClient client, String index, String templateJson) {
        try {
            String mappings = JSON.writeValueAsString(
                    JSON.readTree(templateJson).path("template").path("mappings"));
            client.indices().putMapping(request -> request.index(index).withJson(new StringReader(mappings)));
        } catch (ElasticsearchException e) {
            if (!"illegal_argument_exception".equals(e.error().type())) {
                throw e;
            }
            log.warn(
                    "the mapping of {} differs from its template in a way Elasticsearch cannot change in place"
                            + " ({}); it keeps its mapping until it is rebuilt: ./platform rebuild <projection>",
                    index,
                    e.error().reason());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update the mapping of " + index, e);
        }
    }

    /**
     * Creates version 1 behind the alias, in one call (index and alias appear together), so that readers
     * (and Kibana) find an empty index rather than none; true if created. Nothing is created when the
     * alias exists, or a concrete index of its name from before the aliases does (that one serves on).
     * Two services creating the same one (the dead letters) race harmlessly: the same name, created once.
     */
    private static boolean createFirstVersionIfMissing(ElasticsearchClient client, String alias) {
        try {
            if (client.indices().exists(request -> request.index(alias)).value()) {
                if (aliasTargets(client, alias).isEmpty()) {
                    log.warn(
                            "{} is a concrete index from before the versioned indices; it serves as it is until"
                                    + " the first rebuild moves it behind an alias (docs/rebuild.md)",
                            alias);
                }
                return false;
            }
            client.indices()
                    .create(request ->
                            request.index(Indices.versioned(alias, 1)).aliases(alias, a -> a));
            log.info("index {} created behind alias {}", Indices.versioned(alias, 1), alias);
            return true;
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create index " + alias, e);
        }
    }

    /** A setting of the template as shipped ({@code refresh_interval}, {@code auto_expand_replicas}). */
    public static String setting(String name, String setting, String fallback) {
        try {
            JsonNode value =
                    JSON.readTree(json(name)).path("template").path("settings").path(setting);
            return value.isMissingNode() ? fallback : value.asText();
        } catch (IOException e) {
            throw new UncheckedIOException("template " + name + " is not JSON", e);
        }
    }

    /** The template as shipped, with its placeholders. */
    public static String json(String name) {
        return ReadModel.byTemplateName(name).templateJson();
    }
}
