package io.learningloop.command.http;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of {@code POST /steps/bulk}. The body is read whole before the first line is processed (so a
 * client that only reads the answer after sending cannot deadlock with the server), hence it is bounded.
 *
 * @param maxLines lines per file (blank ones included); a file with more is refused before anything is stored
 * @param maxBytes bytes per file, for the same reason
 */
@ConfigurationProperties("learning-loop.bulk")
record BulkImportProperties(
        @DefaultValue("100000") int maxLines,
        @DefaultValue("64MB") DataSize maxBytes) {}
