package io.learningloop.command.http;

import io.learningloop.problems.Problems.FieldError;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * Shapes that appear in the OpenAPI document only: the bulk import writes NDJSON, which springdoc
 * cannot infer. (The single-step routes are documented from their registry, {@link StepOperations}.)
 */
final class ApiDocs {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String NDJSON = "application/x-ndjson";

    private ApiDocs() {}

    @Schema(description = "RFC 9457 problem")
    record Problem(
            @Schema(example = "urn:learning-loop:problem:invalid-step")
            String type,

            @Schema(example = "Invalid step") String title,
            @Schema(example = "400") int status,

            @Schema(example = "no decision with id 'dec-1999-404'")
            String detail,

            @Schema(example = "/decisions") String instance,

            @Schema(description = "the fields at fault, when the refusal is about fields")
            List<FieldError> errors,

            @Schema(description = "on a 500 only: the id under which the service's log holds the failure")
            String correlationId) {}

    @Schema(description = "One line of a bulk answer: an accepted line")
    record BulkLineAccepted(
            @Schema(description = "the line's number in the file, counting every line from 1")
            int line,

            @Schema(description = "201: stored; 200: recorded before, nothing stored")
            int status,

            @Schema(example = "lesson") String step,

            @Schema(description = "the step's id (an outcome's: its decision's)")
            String id,

            String eventId,
            boolean alreadyRecorded) {}

    @Schema(
            description = "One line of a bulk answer: a refused line, with the problem the single endpoint"
                    + " would have answered (nothing of it is stored)")
    record BulkLineRefused(
            int line,

            @Schema(
                    description = "400, 404 or 409 as the single endpoint would answer; 413: the line is over"
                            + " `max-line-bytes`; 503: the event store is away; 500: the service failed")
            int status,

            @Schema(description = "absent when the line has no readable step")
            String step,

            @Schema(example = "urn:learning-loop:problem:invalid-step")
            String type,

            String title,
            String detail,
            List<FieldError> errors) {}

    @Schema(description = "The last line of a bulk answer")
    record BulkSummaryLine(BulkSummary summary) {}

    record BulkSummary(
            @Schema(description = "non-blank lines read") int lines,
            @Schema(description = "new steps stored") int accepted,

            @Schema(description = "steps that had been recorded before (nothing stored)")
            int alreadyRecorded,

            @Schema(description = "lines refused (nothing stored)")
            int refused) {}
}
