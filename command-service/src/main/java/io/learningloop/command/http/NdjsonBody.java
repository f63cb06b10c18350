package io.learningloop.command.http;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads an NDJSON body (UTF-8, as NDJSON requires) into its lines, within the limits. */
final class NdjsonBody {

    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private NdjsonBody() {}

    /**
     * Every physical line, blank ones included, so that a line's index + 1 is its number in the file.
     *
     * @throws BulkTooLargeException when the body has more than {@code maxLines} lines or {@code maxBytes} bytes
     */
    static List<String> read(InputStream body, int maxLines, long maxBytes) throws IOException {
        BufferedReader reader =
                new BufferedReader(new InputStreamReader(new Limited(body, maxBytes), StandardCharsets.UTF_8), 1 << 16);
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null) {
            if (lines.size() == maxLines) {
                throw new BulkTooLargeException("the file has more than " + maxLines + " lines; post it in parts"
                        + " (posting a part again is safe)");
            }
            lines.add(lines.isEmpty() && line.startsWith(BYTE_ORDER_MARK) ? line.substring(1) : line);
        }
        return lines;
    }

    /** Counts what is read and stops at the limit, before the rest of a large body is buffered. */
    private static final class Limited extends FilterInputStream {

        private final long maxBytes;
        private long read;

        Limited(InputStream in, long maxBytes) {
            super(in);
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > maxBytes) {
                throw new BulkTooLargeException("the file is larger than " + maxBytes + " bytes; post it in parts"
                        + " (posting a part again is safe)");
            }
        }
    }
}
