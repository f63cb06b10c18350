package io.learningloop.command.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

    private static List<String> read(String body, int maxLines, long maxBytes) throws IOException {
        return NdjsonBody.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), maxLines, maxBytes);
    }
}
