package io.learningloop.command.pseudonyms;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns the identity a tool knows a person by ({@code jane.doe@acme.example}, {@code u-4711}, an
 * employee number) into that person's pseudonym: {@code p-} and 26 lower-case base32 characters, the
 * first 128 bits of HMAC-SHA256(key, normalised identity). The same person gets the same pseudonym from
 * every tool, in single and bulk posts; without the key nobody can compute it from a guessed identity.
 *
 * <p>Normalised means: surrounding white space stripped, Unicode NFKC (a composed and a decomposed
 * {@code é} are one letter), lower case (locale-independent), so {@code Jane.Doe@Acme.example} and
 * {@code jane.doe@acme.example } are one person. Inner white space and punctuation are kept: {@code
 * jane.doe} and {@code janedoe} are two identities, as the tools that issued them may mean.
 *
 * <p>A value that already is a pseudonym (a step read back from {@code /loops} and posted again) is
 * kept as it is: hashing it again would give another value, so a re-post would no longer be a repeat.
 * It names no one, so keeping it breaks no promise.
 */
public final class Pseudonymiser {

    /** What every pseudonym looks like, and so what the log holds for any person. */
    public static final Pattern FORMAT = Pattern.compile("p-[a-z2-7]{26}");

    private static final String ALGORITHM = "HmacSHA256";
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final int BYTES_KEPT = 16;

    private final SecretKeySpec key;

    public Pseudonymiser(PseudonymKey key) {
        this.key = new SecretKeySpec(key.bytes(), ALGORITHM);
    }

    /** @param identity not null; any text that names a person */
    public String pseudonym(String identity) {
        String normalised = normalise(identity);
        if (isPseudonym(normalised)) {
            return normalised;
        }
        return "p-" + base32(hmac(normalised), BYTES_KEPT);
    }

    public static boolean isPseudonym(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    static String normalise(String identity) {
        return Normalizer.normalize(identity.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    private byte[] hmac(String normalised) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            // Every Java runtime ships HmacSHA256 (a required algorithm), and the key is valid for it.
            throw new IllegalStateException(e);
        }
    }

    /** RFC 4648 base32, lower case, no padding, of the first {@code length} bytes. */
    static String base32(byte[] bytes, int length) {
        StringBuilder out = new StringBuilder((length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < length; i++) {
            buffer = (buffer << 8) | (bytes[i] & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32[(buffer >> (bits - 5)) & 0x1f]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32[(buffer << (5 - bits)) & 0x1f]);
        }
        return out.toString();
    }
}
