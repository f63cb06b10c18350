package io.learningloop.command.http;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of {@code POST /steps/bulk}. The body is spooled to a temporary file before the first line is
 * processed ({@link NdjsonBody}): memory holds one line at a time, the disk at most {@code maxBytes} per
 * import in progress.
 *
 * @param maxLines lines per file (blank ones included); a file with more is refused (413) before anything is stored
 * @param maxBytes bytes per file, for the same reason
 * @param maxLineBytes bytes per line (its line end not counted), as for the body of a single step
 *     ({@link StepBodyProperties}): a longer line is refused on its own (413 in its answer line), without
 *     being held in memory, and the other lines are imported
 * @param linesPerTransaction lines committed together (each under its own savepoint): one commit per
 *     batch instead of one per line; results are answered per batch, once it is committed
 */
@ConfigurationProperties("learning-loop.bulk")
record BulkImportProperties(
        @DefaultValue("100000") int maxLines,
        @DefaultValue("64MB") DataSize maxBytes,
        @DefaultValue("1MB") DataSize maxLineBytes,
        @DefaultValue("500") int linesPerTransaction) {}
