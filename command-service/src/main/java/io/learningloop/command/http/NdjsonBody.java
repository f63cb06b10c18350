package io.learningloop.command.http;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * An NDJSON body (UTF-8, as NDJSON requires) spooled to a temporary file within the limits, then read
 * back one line at a time. Spooling keeps the contract that the body is read whole before the first line
 * is processed (a client that reads the answer only after sending cannot deadlock with the server, and a
 * file over the limits is refused before anything is stored), while memory holds one line at most,
 * whatever the size of the file. Close it to delete the file.
 */
final class NdjsonBody implements Closeable {

    /**
     * One physical line: its number in the file (blank lines count) and its text, without the line end;
     * no text when the line is longer than the line limit (its bytes were skipped, never held).
     */
    record Line(int number, String text) {

        boolean tooLong() {
            return text == null;
        }
    }

    private static final int BUFFER = 1 << 16;
    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final Path file;
    private final int lineCount;
    private final int maxLineBytes;
    private final InputStream in;
    private final byte[] buffer = new byte[BUFFER];
    private int position;
    private int limit;
    private int number;
    /** The line being read; grows up to the line limit, and is reused for the next line. */
    private byte[] line = new byte[1024];

    private NdjsonBody(Path file, int lineCount, int maxLineBytes) throws IOException {
        this.file = file;
        this.lineCount = lineCount;
        this.maxLineBytes = maxLineBytes;
        this.in = Files.newInputStream(file);
    }

    /**
     * Copies the body to a temporary file, counting its lines and bytes as they arrive.
     *
     * @throws BulkTooLargeException as soon as the body has more than {@code maxLines} lines or {@code
     *     maxBytes} bytes; the rest of the body is not read
     */
    static NdjsonBody spool(InputStream body, int maxLines, long maxBytes, int maxLineBytes) throws IOException {
        Path file = Files.createTempFile("learning-loop-bulk-", ".ndjson");
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] chunk = new byte[BUFFER];
            long bytes = 0;
            int lineEnds = 0;
            byte last = '\n';
            int n;
            while ((n = body.read(chunk)) >= 0) {
                bytes += n;
                if (bytes > maxBytes) {
                    throw new BulkTooLargeException("the file is larger than " + maxBytes + " bytes; post it in parts"
                            + " (posting a part again is safe)");
                }
                for (int i = 0; i < n; i++) {
                    if (chunk[i] == '\n') {
                        lineEnds++;
                    }
                }
                if (n > 0) {
                    last = chunk[n - 1];
                }
                int lines = lineEnds + (last == '\n' ? 0 : 1);
                if (lines > maxLines) {
                    throw new BulkTooLargeException("the file has more than " + maxLines + " lines; post it in parts"
                            + " (posting a part again is safe)");
                }
                out.write(chunk, 0, n);
            }
            out.close();
            return new NdjsonBody(file, lineEnds + (last == '\n' ? 0 : 1), maxLineBytes);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** Physical lines in the file, blank ones included. */
    int lineCount() {
        return lineCount;
    }

    /** The next physical line, or null after the last one. */
    Line next() throws IOException {
        if (number == lineCount) {
            return null;
        }
        number++;
        int length = 0;
        boolean tooLong = false;
        int b;
        // One byte more than the limit may be held: the '\r' of a "\r\n" line end.
        while ((b = read()) >= 0 && b != '\n') {
            if (length > maxLineBytes) {
                tooLong = true;
                continue;
            }
            if (length == line.length) {
                line = Arrays.copyOf(line, (int) Math.min(maxLineBytes + 1L, 2L * line.length));
            }
            line[length++] = (byte) b;
        }
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        if (tooLong || length > maxLineBytes) {
            return new Line(number, null);
        }
        int start = number == 1 && startsWithByteOrderMark(length) ? BYTE_ORDER_MARK.length : 0;
        return new Line(number, new String(line, start, length - start, StandardCharsets.UTF_8));
    }

    private boolean startsWithByteOrderMark(int length) {
        return length >= BYTE_ORDER_MARK.length
                && Arrays.equals(line, 0, BYTE_ORDER_MARK.length, BYTE_ORDER_MARK, 0, BYTE_ORDER_MARK.length);
    }

    private int read() throws IOException {
        if (position == limit) {
            limit = in.read(buffer);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buffer[position++] & 0xFF;
    }

    @Override
    public void close() throws IOException {
        try {
            in.close();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
