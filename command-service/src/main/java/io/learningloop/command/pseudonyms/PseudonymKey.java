package io.learningloop.command.pseudonyms;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.IntStream;

/**
 * The secret of the pseudonyms: at least 32 bytes, given base64-encoded in a file of its own (see
 * {@code LL_PSEUDONYM_KEY_FILE}). Whoever holds it can test a guessed identity against a pseudonym, so
 * it is kept apart from the data it protects and never logged.
 */
public final class PseudonymKey {

    /** As long as the hash HMAC-SHA256 computes: a shorter key would be the weakest part (RFC 2104). */
    public static final int MIN_BYTES = 32;

    /**
     * No entropy test can prove randomness, but a key of a few repeated bytes (a placeholder, a
     * pattern typed by hand) shows too few distinct values: 32 random bytes hold about 30.
     */
    static final int MIN_DISTINCT_BYTES = 16;

    private final byte[] bytes;

    private PseudonymKey(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A key given as bytes: tests configure theirs explicitly. */
    public static PseudonymKey of(byte[] bytes) {
        if (bytes.length < MIN_BYTES) {
            throw new IllegalStateException("the pseudonym key holds " + bytes.length + " bytes; it needs at least "
                    + MIN_BYTES + " random bytes (create one with: openssl rand -base64 32)");
        }
        long distinct =
                IntStream.range(0, bytes.length).map(i -> bytes[i]).distinct().count();
        if (distinct < MIN_DISTINCT_BYTES) {
            throw new IllegalStateException("the pseudonym key has only " + distinct
                    + " distinct byte values: it is no random key (create one with: openssl rand -base64 32)");
        }
        return new PseudonymKey(bytes.clone());
    }

    /** The file's content, base64 (surrounding white space such as the final newline ignored). */
    public static PseudonymKey fromFile(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("the pseudonym key file " + file + " cannot be read: " + e, e);
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "the pseudonym key file " + file + " does not hold base64: " + e.getMessage());
        }
        try {
            return of(decoded);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("the pseudonym key file " + file + ": " + e.getMessage(), e);
        }
    }

    byte[] bytes() {
        return bytes.clone();
    }

    /** Never the key itself, whatever prints it. */
    @Override
    public String toString() {
        return "PseudonymKey[" + bytes.length + " bytes]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PseudonymKey key && Arrays.equals(bytes, key.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }
}
