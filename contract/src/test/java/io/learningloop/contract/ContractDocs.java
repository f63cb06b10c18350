package io.learningloop.contract;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the published contract lives ({@code docs/contract} at the repository root) and how the tests
 * read it. Surefire runs with the module folder as working directory, an IDE often with the root, so
 * the folder is looked up from there upwards.
 */
final class ContractDocs {

    static final Path ROOT = locate();

    private ContractDocs() {}

    static Path readme() {
        return ROOT.resolve("README.md");
    }

    /** The current revision: {@code DecisionMadeEvent} (revision 2) has {@code schemas/DecisionMade.v2.schema.json}. */
    static Path schema(Class<?> eventType) {
        return schema(eventType, EventTypes.revision(eventType));
    }

    /** The schema of any revision, the current or a historical one: {@code schemas/DecisionMade.v1.schema.json}. */
    static Path schema(Class<?> eventType, String revision) {
        return ROOT.resolve("schemas").resolve(fileStem(eventType, revision) + ".schema.json");
    }

    /** The current revision: {@code DecisionMadeEvent} (revision 2) has {@code examples/DecisionMade.v2.json}. */
    static Path example(Class<?> eventType) {
        return example(eventType, EventTypes.revision(eventType));
    }

    /** The example of any revision, the current or a historical one: {@code examples/DecisionMade.v1.json}. */
    static Path example(Class<?> eventType, String revision) {
        return ROOT.resolve("examples").resolve(fileStem(eventType, revision) + ".json");
    }

    /** The {@code $id} the current revision's schema must carry: {@code urn:learning-loop:event:DecisionMade:2}. */
    static String schemaId(Class<?> eventType) {
        return schemaId(eventType, EventTypes.revision(eventType));
    }

    static String schemaId(Class<?> eventType, String revision) {
        return "urn:learning-loop:event:" + EventTypes.name(eventType) + ":" + revision;
    }

    static JsonNode readJson(Path file) {
        try {
            return strictMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static String readText(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Writes like {@code event-codec}'s {@code EventJson} (ISO-8601 times, the publisher's mapping) but reads
     * strictly: an unknown, missing or null property fails here, where the consumers' mapper would
     * silently ignore it, so that an example drifting from the records is caught.
     */
    static ObjectMapper strictMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    private static String fileStem(Class<?> eventType, String revision) {
        return EventTypes.name(eventType) + ".v" + revision;
    }

    private static Path locate() {
        Path start = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
                .toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs").resolve("contract");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no docs/contract folder in " + start + " or any folder above it");
    }
}
