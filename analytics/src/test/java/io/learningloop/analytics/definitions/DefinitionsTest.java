package io.learningloop.analytics.definitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class DefinitionsTest {

    @Test
    void theVersionIsTheStartOfTheSha256OfTheDocumentInTheRepository() throws Exception {
        // The document as the repository holds it, not as the build copied it: the two must be the same.
        byte[] document = Files.readAllBytes(Path.of("..", "docs", "metrics.md"));
        String expected = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(document))
                .substring(0, 12);

        assertThat(new Definitions().version()).isEqualTo(expected);
    }

    @Test
    void anotherDocumentHasAnotherVersion() {
        // Any packaged text stands in for an edited metrics.md: a changed definition changes the version.
        assertThat(new Definitions(new ClassPathResource("application.yml")).version())
                .hasSize(12)
                .isNotEqualTo(new Definitions().version());
    }
}
