package io.learningloop.command.http;

import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * The problem answers of the OpenAPI document that are not one route's own refusals: what the framework
 * refuses on every route (406, 415), the single-step body limit ({@link StepBodyLimit}, 413), the store
 * away ({@link StoreUnavailableResponses}, 503) and a failure of the service (500). Written once, here,
 * for the single-step routes ({@link StepOperations}) and the bulk route ({@link BulkOperation}).
 */
final class ProblemAnswers {

    private ProblemAnswers() {}

    /** Every single-step route: a JSON body of at most {@code max-body} bytes, stored in its own command. */
    static void addSingleStepAnswers(ApiResponses responses) {
        responses
                .addApiResponse(
                        "413",
                        problem(
                                "`body-too-large`: the body is over `learning-loop.steps.max-body` (default 1 MB), refused"
                                        + " before it is read; many steps go to `POST " + StepBodyLimit.BULK_PATH
                                        + "`, one per line"))
                .addApiResponse("415", problem("`unsupported-media-type`: the body is not `application/json`"))
                .addApiResponse(
                        "503",
                        problem("`unavailable`: the event store is away; nothing was stored, send the same request"
                                        + " again (same id) after `Retry-After` seconds")
                                .addHeaderObject(
                                        "Retry-After",
                                        new Header()
                                                .description("seconds to wait before sending the request again")
                                                .schema(new IntegerSchema()
                                                        .example(StoreUnavailableResponses.RETRY_AFTER_SECONDS))));
        addGeneralAnswers(responses);
    }

    /** Every route of the service. */
    static void addGeneralAnswers(ApiResponses responses) {
        responses
                .addApiResponse(
                        "406",
                        problem("`not-acceptable`: the `Accept` header admits neither this route's answer nor"
                                + " `application/problem+json`"))
                .addApiResponse(
                        "500",
                        problem("`internal-error`: the service failed; nothing is stored unless an answer said so."
                                + " The answer's `correlationId` is also in the service's log: quote it"));
    }

    static ApiResponse problem(String description) {
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                ApiDocs.PROBLEM_JSON,
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
    }
}
