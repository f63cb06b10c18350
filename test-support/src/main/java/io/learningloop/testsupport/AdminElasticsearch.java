package io.learningloop.testsupport;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;

/** The local stack's Elasticsearch as its admin: for tests that make and drop indices of their own. */
public final class AdminElasticsearch {

    private AdminElasticsearch() {}

    /** A new client with the plain JSON mapping; close it with {@code client._transport().close()}. */
    public static ElasticsearchClient client() {
        String login = LocalStack.elasticsearchAdminUser() + ":" + LocalStack.elasticsearchAdminPassword();
        RestClient rest = RestClient.builder(HttpHost.create(LocalStack.elasticsearchUrl()))
                .setDefaultHeaders(new Header[] {
                    new BasicHeader(
                            "Authorization",
                            "Basic " + Base64.getEncoder().encodeToString(login.getBytes(StandardCharsets.UTF_8)))
                })
                .build();
        return new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
    }
}
