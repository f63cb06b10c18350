package io.learningloop.command.pseudonyms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * The key the tests configure explicitly: bytes 0x00..0x1f, so that a test can state a pseudonym
 * computed apart from the service ({@code openssl dgst -sha256 -mac HMAC -macopt hexkey:000102…1f}).
 */
public final class TestPseudonyms {

    /** 32 distinct bytes: enough for {@link PseudonymKey}, and easy to give to openssl as hex. */
    public static final byte[] KEY = new byte[32];

    static {
        for (int i = 0; i < KEY.length; i++) {
            KEY[i] = (byte) i;
        }
    }

    /** HMAC-SHA256 under {@link #KEY} of {@code jane.doe@acme.example}, computed with openssl and base32. */
    public static final String JANE = "p-psq2lmphinrulguqdsdm3aku6a";

    /** … of {@code u-4711}. */
    public static final String U_4711 = "p-7s34ksudixgvqg6auzwlmhus2y";

    /** … of {@code u-0815}. */
    public static final String U_0815 = "p-3wu7yrgzx3kpf7js63kzouayhi";

    private static Path file;

    private TestPseudonyms() {}

    public static Pseudonymiser pseudonymiser() {
        return new Pseudonymiser(PseudonymKey.of(KEY));
    }

    /** A key file holding {@link #KEY}, written once per test JVM: what {@code LL_PSEUDONYM_KEY_FILE} names. */
    public static synchronized Path file() {
        if (file == null) {
            try {
                Path written = Files.createTempFile("pseudonym-test-", ".key");
                written.toFile().deleteOnExit();
                Files.writeString(written, Base64.getEncoder().encodeToString(KEY) + "\n");
                file = written;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return file;
    }
}
