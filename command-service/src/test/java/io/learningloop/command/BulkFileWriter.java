package io.learningloop.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a generated {@link BulkFile} for the bulk memory benchmark ({@code infra/bench/bulk-memory}):
 * {@code java -cp command-service/target/test-classes io.learningloop.command.BulkFileWriter LINES FILE}.
 */
final class BulkFileWriter {

    private BulkFileWriter() {}

    public static void main(String[] args) throws IOException {
        int lines = Integer.parseInt(args[0]);
        BulkFile file = BulkFile.generate(lines, 100);
        Files.writeString(Path.of(args[1]), file.body(), StandardCharsets.UTF_8);
        System.out.println(lines + " lines, " + file.acceptedCount() + " of them new steps");
    }
}
