package io.learningloop.command.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NdjsonBodyTest {

    @Test
    void everyPhysicalLineIsKeptSoThatLineNumbersMatchTheFile() throws IOException {
        List<String> lines = read("{\"a\":1}\r\n\n   \n{\"b\":2}\n", 10, 1_000);

        assertThat(lines).containsExactly("{\"a\":1}", "", "   ", "{\"b\":2}");
    }

    @Test
    void aByteOrderMarkIsNoPartOfTheFirstLine() throws IOException {
        assertThat(read("\uFEFF{\"a\":1}\n{\"b\":2}", 10, 1_000)).containsExactly("{\"a\":1}", "{\"b\":2}");
    }

    @Test
    void textIsReadAsUtf8() throws IOException {
        assertThat(read("{\"lesson\":\"Übergabe größer\"}", 10, 1_000))
                .containsExactly("{\"lesson\":\"Übergabe größer\"}");
    }

    @Test
    void aFileWithMoreLinesThanTheLimitIsRefusedAsAWhole() throws IOException {
        assertThat(read("1\n2\n3\n", 3, 1_000)).hasSize(3);
        assertThatThrownBy(() -> read("1\n2\n3\n4", 3, 1_000))
                .isInstanceOf(BulkTooLargeException.class)
                .hasMessageContaining("more than 3 lines");
    }

    @Test
    void aFileLargerThanTheByteLimitIsRefusedAsAWhole() throws IOException {
        assertThat(read("1234567\n9", 10, 9)).hasSize(2);
        assertThatThrownBy(() -> read("1234567\n90", 10, 9))
                .isInstanceOf(BulkTooLargeException.class)
                .hasMessageContaining("larger than 9 bytes");
    }

    @Test
    void aLineOverTheLineLimitHasNoTextAndTheNextLinesAreRead() throws IOException {
        try (NdjsonBody body = spool("12345\r\n123456\n1234567890123\n\n12345", 10, 1_000, 5)) {
            assertThat(body.next()).isEqualTo(new NdjsonBody.Line(1, "12345"));
            assertThat(body.next().tooLong()).isTrue();
            assertThat(body.next()).isEqualTo(new NdjsonBody.Line(3, null));
            assertThat(body.next()).isEqualTo(new NdjsonBody.Line(4, ""));
            assertThat(body.next()).isEqualTo(new NdjsonBody.Line(5, "12345"));
            assertThat(body.next()).isNull();
        }
    }

    /**
     * 40 MB of 16 KB lines, generated as they are sent: the body goes to a temporary file, not the heap;
     * the lines come back one at a time and in order; the file is gone when the body is closed.
     */
    @Test
    void aLargeBodyIsReadOneLineAtATimeFromATemporaryFile() throws IOException {
        int lines = 2_560;
        int lineBytes = 16 * 1024;
        Generated generated = new Generated(lines, lineBytes);
        Path spooled;
        long heapBefore = heapAfterCollection();
        long heapHalfWay = 0;
        try (NdjsonBody body = NdjsonBody.spool(generated, 100_000, 64L << 20, 32 * 1024)) {
            spooled = temporaryFiles().stream()
                    .filter(file -> !generated.filesBefore.contains(file))
                    .findFirst()
                    .orElseThrow();
            assertThat(Files.size(spooled)).isEqualTo((long) lines * (lineBytes + 1));
            assertThat(body.lineCount()).isEqualTo(lines);
            NdjsonBody.Line line;
            int read = 0;
            while ((line = body.next()) != null) {
                read++;
                assertThat(line.number()).isEqualTo(read);
                assertThat(line.text()).hasSize(lineBytes).startsWith(Generated.prefix(read));
                if (read == lines / 2) {
                    heapHalfWay = heapAfterCollection();
                }
            }
            assertThat(read).isEqualTo(lines);
        }
        assertThat(spooled).doesNotExist();
        // Holding the body would retain 40 MB; a line at a time, what is retained is the buffers.
        assertThat(heapHalfWay - heapBefore).isLessThan(8L << 20);
    }

    private static long heapAfterCollection() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static List<Path> temporaryFiles() throws IOException {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(file -> file.getFileName().toString().startsWith("learning-loop-bulk-"))
                    .toList();
        }
    }

    /** A body of {@code lines} lines of {@code lineBytes} ASCII bytes, made as it is read, never held. */
    private static final class Generated extends InputStream {

        final List<Path> filesBefore;
        private final int lines;
        private final int lineBytes;
        private int line = 1;
        private String prefix = prefix(1);
        private int column;

        Generated(int lines, int lineBytes) throws IOException {
            this.lines = lines;
            this.lineBytes = lineBytes;
            this.filesBefore = new ArrayList<>(temporaryFiles());
        }

        static String prefix(int line) {
            return "line " + line + ":";
        }

        @Override
        public int read() {
            if (line > lines) {
                return -1;
            }
            if (column == lineBytes) {
                line++;
                prefix = prefix(line);
                column = 0;
                return '\n';
            }
            int b = column < prefix.length() ? prefix.charAt(column) : 'x';
            column++;
            return b;
        }
    }

    private static List<String> read(String body, int maxLines, long maxBytes) throws IOException {
        List<String> lines = new ArrayList<>();
        try (NdjsonBody spooled = spool(body, maxLines, maxBytes, 1_000)) {
            NdjsonBody.Line line;
            while ((line = spooled.next()) != null) {
                lines.add(line.text());
            }
        }
        return lines;
    }

    private static NdjsonBody spool(String body, int maxLines, long maxBytes, int maxLineBytes) throws IOException {
        return NdjsonBody.spool(
                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), maxLines, maxBytes, maxLineBytes);
    }
}
