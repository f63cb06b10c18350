package io.learningloop.command.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /steps/bulk}: years of history in one NDJSON file, one step per line, answered line by
 * line while it is processed. The answer is written straight to the response on the request's thread:
 * an asynchronous body would run into the container's async timeout (30 s) on a large file.
 */
@RestController
@Tag(name = "bulk", description = "Backfill history: many steps in one NDJSON file")
class BulkImportController {

    private static final Logger log = LoggerFactory.getLogger(BulkImportController.class);

    private final BulkImport bulkImport;
    private final BulkImportProperties limits;
    private final ObjectMapper json;

    BulkImportController(BulkImport bulkImport, BulkImportProperties limits, ObjectMapper json) {
        this.bulkImport = bulkImport;
        this.limits = limits;
        this.json = json;
    }

    @PostMapping(path = "/steps/bulk", consumes = ApiDocs.NDJSON)
    @Operation(
            summary = "Import many steps, one per line",
            // The description lists the kinds of step from StepKinds: BulkOperation writes it.
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            description = "NDJSON (UTF-8): one step per line",
                            content =
                                    @Content(
                                            mediaType = ApiDocs.NDJSON,
                                            schema = @Schema(type = "string"),
                                            examples = @ExampleObject(name = "a loop", value = """
                                    {"step":"decision","decisionId":"dec-1","orgUnit":"acme/eng","occurredAt":"2024-01-05T09:00:00Z","sourceTool":"decision-log","actor":"u-1","title":"Move invoicing to the queue","category":"operations","expectedOutcome":"Fewer failed invoices","confidence":0.7,"reviewBy":"2024-04-05"}
                                    {"step":"outcome","decisionId":"dec-1","occurredAt":"2024-02-04T09:00:00Z","sourceTool":"decision-log","actor":"u-1","assessment":"worse-than-expected","summary":"Failures moved to the dead-letter queue"}
                                    """))))
    @ApiResponse(
            responseCode = "200",
            description = "One result per non-blank line, in file order, written as"
                    + " each line is processed (`status` 201/200 accepted, 400/404/409 refused with the single endpoint's"
                    + " problem, 413 a line over `max-line-bytes`, 503 the event store away (post the file again"
                    + " later), 500 a failure of the service), then a summary line",
            content =
                    @Content(
                            mediaType = ApiDocs.NDJSON,
                            schema =
                                    @Schema(
                                            oneOf = {
                                                ApiDocs.BulkLineAccepted.class,
                                                ApiDocs.BulkLineRefused.class,
                                                ApiDocs.BulkSummaryLine.class
                                            })))
    @ApiResponse(
            responseCode = "413",
            description = "`bulk-too-large`: more lines or bytes than the limits"
                    + " (`learning-loop.bulk.max-lines`, `max-bytes`); nothing is stored. A line longer than"
                    + " `max-line-bytes` is refused on its own, with `line-too-long` (413) in its answer line",
            content =
                    @Content(
                            mediaType = ApiDocs.PROBLEM_JSON,
                            schema = @Schema(implementation = ApiDocs.Problem.class)))
    @ApiResponse(
            responseCode = "415",
            description = "The body is not `application/x-ndjson`",
            content =
                    @Content(
                            mediaType = ApiDocs.PROBLEM_JSON,
                            schema = @Schema(implementation = ApiDocs.Problem.class)))
    void importSteps(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Read whole first (to a temporary file): a client that reads the answer only after sending would
        // otherwise block us.
        try (NdjsonBody lines = NdjsonBody.spool(
                request.getInputStream(),
                limits.maxLines(),
                limits.maxBytes().toBytes(),
                Math.toIntExact(limits.maxLineBytes().toBytes()))) {
            answer(lines, response);
        }
    }

    /** Each line's result is written and flushed as soon as it is known: nothing of the answer is kept. */
    private void answer(NdjsonBody lines, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(ApiDocs.NDJSON);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        ServletOutputStream out = response.getOutputStream();
        try {
            bulkImport.run(lines, result -> {
                out.write(json.writeValueAsBytes(result));
                out.write('\n');
                out.flush();
            });
        } catch (IOException e) {
            // The lines answered so far are stored; the client may post the file again.
            log.warn("bulk import answer could not be written, the client went away: {}", e.getMessage());
        }
    }
}
