package io.learningloop.command.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Posts the demo history to a running command service and shows progress. Loading twice is safe:
 * every step is answered "already recorded" the second time.
 */
public final class DemoDataLoader {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String target;
    private final String authorization;

    DemoDataLoader(String target, String key) {
        this.target = target;
        this.authorization = "Bearer " + key;
    }

    /**
     * {@code load-demo [--target=http://127.0.0.1:8081]}, with a tool's key ({@code steps:write} over
     * {@code acme}) in {@code LL_TOOL_KEY}, as {@code ./platform start} makes it.
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        String target = "http://127.0.0.1:8081";
        for (String arg : args) {
            if (arg.startsWith("--target=")) {
                target = arg.substring("--target=".length());
            }
        }
        String key = System.getenv("LL_TOOL_KEY");
        if (key == null || key.isBlank()) {
            System.err.println(
                    "[demo] LL_TOOL_KEY is not set: the demo is posted with a tool's key (steps:write over acme)");
            System.exit(2);
        }
        new DemoDataLoader(target, key).load(new DemoHistory().steps());
    }

    void load(List<DemoHistory.Step> steps) throws IOException, InterruptedException {
        int created = 0;
        int repeated = 0;
        int lastShown = -1;
        System.out.printf("[demo] posting %d steps of three years' history to %s%n", steps.size(), target);
        for (int done = 0; done < steps.size(); done++) {
            DemoHistory.Step step = steps.get(done);
            HttpResponse<String> response = post(step);
            switch (response.statusCode()) {
                case 201 -> created++;
                case 200 -> repeated++;
                case 409 ->
                    throw new IllegalStateException(
                            "POST " + step.path() + " answered 409: " + response.body()
                                    + "\n[demo] the service already holds another version of the demo history (the demo grew: "
                                    + "steps of the same id now carry more); it loads only into a stack without the older one "
                                    + "('./platform stop && infra/stack/stack reset' empties the stack, deleting all its data)");
                default ->
                    throw new IllegalStateException(
                            "POST " + step.path() + " answered " + response.statusCode() + ": " + response.body());
            }
            int percent = (done + 1) * 100 / steps.size();
            if (percent / 10 != lastShown) {
                lastShown = percent / 10;
                System.out.printf("[demo] %d/%d steps (%d%%)%n", done + 1, steps.size(), percent);
            }
        }
        System.out.printf("[demo] done: %d new, %d already recorded%n", created, repeated);
    }

    /** Over the key's rate the service answers 429 with Retry-After: a well-behaved tool waits and posts again. */
    private HttpResponse<String> post(DemoHistory.Step step) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(target + step.path()))
                .header("Content-Type", "application/json")
                .header("Authorization", authorization)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(step.body())))
                .build();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 429 || attempt == 20) {
                return response;
            }
            long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
            Thread.sleep(Math.min(seconds, 10) * 1000);
        }
    }
}
