package io.learningloop.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.learningloop.access.testing.TestKeys;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A test's call to the service under test: with a key (or none), the status it must answer, its body as JSON. */
final class ServiceCalls {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ServiceCalls() {}

    /** @param key null: no key at all */
    static JsonNode send(HttpRequest.Builder request, TestKeys.Issued key, int expectedStatus) throws Exception {
        if (key != null) {
            request.header("Authorization", key.bearer());
        }
        HttpResponse<String> response =
                HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return JSON.readTree(response.body());
    }
}
