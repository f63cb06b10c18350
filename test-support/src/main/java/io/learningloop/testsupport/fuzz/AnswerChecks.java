package io.learningloop.testsupport.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What every answer to a malformed request must be: no 5xx; a 4xx is {@code application/problem+json}
 * with a {@code type} of {@code urn:learning-loop:problem:…}; no answer names a Java class. Counts the
 * statuses for the histogram the closing note quotes.
 */
public final class AnswerChecks {

    public static final String PROBLEM_TYPE_PREFIX = "urn:learning-loop:problem:";

    /** A qualified class name, or the simple names that gave Jackson and Java away before. */
    private static final Pattern CLASS_NAME =
            Pattern.compile("\\b(java|javax|jakarta|com|org|io)\\.[a-z][a-z0-9_]*(\\.[A-Za-z0-9_$]+)+"
                    + "|\\b\\w*Exception\\b|StreamReadConstraints|JsonNode|ObjectNode");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private int answers;

    /** @param request how to name the request in a failure: method, path, body */
    public void check(String request, int status, String contentType, String body) {
        answers++;
        statuses.merge(status, 1, Integer::sum);
        if (status >= 500) {
            throw new AssertionError("5xx for " + request + ": " + status + " " + body);
        }
        // A key's rate limit answering would hide the binder and the handlers the fuzz is for.
        if (status == 429) {
            throw new AssertionError("429 for " + request + ": the test's key needs a higher rate");
        }
        if (status >= 400) {
            checkProblem(request, status, contentType, body);
        }
        if (CLASS_NAME.matcher(body).find()) {
            throw new AssertionError("a class name in the answer to " + request + ": " + body);
        }
    }

    /** One result line of a bulk answer: a refused line carries its problem's type. */
    public void checkBulkLine(String request, JsonNode line) {
        int status = line.path("status").asInt();
        if (line.has("line") && status >= 500) {
            throw new AssertionError("a 5xx line for " + request + ": " + line);
        }
        if (status >= 400 && !line.path("type").asText().startsWith(PROBLEM_TYPE_PREFIX)) {
            throw new AssertionError("a refused line without a problem type for " + request + ": " + line);
        }
    }

    private static void checkProblem(String request, int status, String contentType, String body) {
        if (contentType == null || !contentType.startsWith("application/problem+json")) {
            throw new AssertionError(
                    "not problem+json (" + contentType + ") for " + request + ": " + status + " " + body);
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("a problem that is no JSON for " + request + ": " + body, e);
        }
        if (!problem.path("type").asText().startsWith(PROBLEM_TYPE_PREFIX)) {
            throw new AssertionError("a problem without a stable type for " + request + ": " + body);
        }
        if (problem.path("status").asInt() != status) {
            throw new AssertionError("a problem whose status is not the answer's for " + request + ": " + body);
        }
    }

    public int answers() {
        return answers;
    }

    public Map<Integer, Integer> statuses() {
        return statuses;
    }

    /** {@code 400×1234 404×56 …}, printed and written to {@code target/fuzz-<name>.txt}. */
    public String report(String name) {
        String histogram = statuses.entrySet().stream()
                .map(entry -> entry.getKey() + "×" + entry.getValue())
                .collect(Collectors.joining(" "));
        String line = name + ": " + answers + " malformed requests, statuses " + histogram;
        System.out.println(line);
        try {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "fuzz-" + name + ".txt"), line + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return line;
    }
}
