package io.learningloop.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.learningloop.access.testing.TestKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Posts JSON to a running command service the way a tool would, and reads the answer. */
public final class StepPoster {

    public record Answer(int status, String contentType, JsonNode body) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final String authorization;

    /** @param key the tool's API key, sent with every post */
    public StepPoster(String baseUrl, TestKeys.Issued key) {
        this.baseUrl = baseUrl;
        this.authorization = key.bearer();
    }

    public Answer post(String path, String json) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + path))
                            .header("Content-Type", "application/json")
                            .header("Authorization", authorization)
                            .POST(HttpRequest.BodyPublishers.ofString(json))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            return new Answer(response.statusCode(), contentType, JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
