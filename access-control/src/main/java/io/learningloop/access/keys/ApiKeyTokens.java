package io.learningloop.access.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shape of a key as a caller holds it: {@code ll_<keyId>_<secret>}. The key id is public (it names
 * the key in lists, logs and event metadata); the secret is 256 random bits, shown once and stored only
 * as its SHA-256. A slow password hash is not needed: nobody can guess 256 random bits, so the hash
 * only has to make the stored value useless to whoever reads the table (decision 0009).
 */
public final class ApiKeyTokens {

    /** A token with its parts: what {@link #generate()} makes and {@link #parse} reads. */
    public record Token(String keyId, String secret) {
        public String value() {
            return PREFIX + keyId + "_" + secret;
        }
    }

    private static final String PREFIX = "ll_";
    private static final int KEY_ID_CHARACTERS = 12;
    private static final int SECRET_BYTES = 32;
    private static final String KEY_ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final Pattern TOKEN =
            Pattern.compile("ll_([a-z2-9]{" + KEY_ID_CHARACTERS + "})_([A-Za-z0-9_-]{43})");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeyTokens() {}

    public static Token generate() {
        StringBuilder keyId = new StringBuilder(KEY_ID_CHARACTERS);
        for (int i = 0; i < KEY_ID_CHARACTERS; i++) {
            keyId.append(KEY_ID_ALPHABET.charAt(RANDOM.nextInt(KEY_ID_ALPHABET.length())));
        }
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return new Token(
                keyId.toString(), Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** Empty when the text is not shaped like a key at all (it is then refused without a lookup). */
    public static Optional<Token> parse(String text) {
        Matcher matcher = TOKEN.matcher(text);
        return matcher.matches() ? Optional.of(new Token(matcher.group(1), matcher.group(2))) : Optional.empty();
    }

    public static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Constant time, so the answer's timing tells nothing about how much of a guessed secret was right. */
    public static boolean matches(String secret, byte[] storedHash) {
        return MessageDigest.isEqual(hash(secret), storedHash);
    }
}
