package io.learningloop.projection.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.indices.PutIndexTemplateRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.learningloop.readmodel.ReadModel;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs the index templates (shipped by {@code read-models}, beside the records of the documents they
 * map: {@link ReadModel}) before anything is indexed, so every index gets explicit mappings (dates,
 * keywords, numbers) that Kibana relies on.
 * Templates are re-put on every start (changing a mapping means changing the JSON file), then the
 * indices are created if missing.
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
            if (!createIndexIfMissing(client, indices.prefix() + name)) {
                updateMapping(client, indices.prefix() + name, body);
            }
        }
    }

    /**
     * A template applies only when an index is created; an index created by an older version gets the
     * fields added since through its mapping (additions only: a changed field type is refused by
     * Elasticsearch and stops the start, which is what a breaking change should do).
     */
    private static void updateMapping(ElasticsearchClient client, String index, String templateJson) {
        try {
            String mappings = JSON.writeValueAsString(
                    JSON.readTree(templateJson).path("template").path("mappings"));
            client.indices().putMapping(request -> request.index(index).withJson(new StringReader(mappings)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update the mapping of " + index, e);
        }
    }

    /** Created up front so that readers (and Kibana) find an empty index rather than none; true if created. */
    private static boolean createIndexIfMissing(ElasticsearchClient client, String index) {
        try {
            if (!client.indices().exists(request -> request.index(index)).value()) {
                client.indices().create(request -> request.index(index));
                return true;
            }
            return false;
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create index " + index, e);
        }
    }

    /** The template as shipped, with its placeholders. */
    public static String json(String name) {
        return ReadModel.byTemplateName(name).templateJson();
    }
}
