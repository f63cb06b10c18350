package io.learningloop.infra.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.learningloop.infra.json.EventJson;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

/** Builds the Elasticsearch client every service uses, with the events' JSON mapping. */
public final class ElasticsearchClients {

    private ElasticsearchClients() {
    }

    public static ElasticsearchClient create(String url) {
        RestClient restClient = RestClient.builder(HttpHost.create(url))
                .setRequestConfigCallback(config -> config.setConnectTimeout(5_000).setSocketTimeout(60_000))
                .build();
        return new ElasticsearchClient(new RestClientTransport(restClient, new JacksonJsonpMapper(EventJson.newMapper())));
    }
}
