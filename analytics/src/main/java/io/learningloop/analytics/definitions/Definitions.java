package io.learningloop.analytics.definitions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The version of the definitions this build answers by: the first 12 hex digits of the SHA-256 of
 * {@code docs/metrics.md}, which the build copies into the jar. The document is where every definition
 * is written (with its worked example), so any change to a definition changes the version; a change to
 * its prose changes it too, which errs on the side of telling readers to look again.
 */
@Component
public class Definitions {

    /** Where the build puts the document (see the analytics pom's resources). */
    static final String DOCUMENT = "definitions/metrics.md";

    private final String version;

    public Definitions() {
        this(new ClassPathResource(DOCUMENT));
    }

    Definitions(ClassPathResource document) {
        try (InputStream in = document.getInputStream()) {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
            this.version = HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException("the build did not package " + DOCUMENT, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    public String version() {
        return version;
    }
}
