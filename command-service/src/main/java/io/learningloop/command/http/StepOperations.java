package io.learningloop.command.http;

import io.learningloop.contract.LoopStep;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.PathParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.lang.annotation.Annotation;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocAnnotationsUtils;
import org.springframework.stereotype.Component;

/**
 * Documents each single-step route as an operation of its own, from {@link StepRoutes}: springdoc sees
 * one generic handler ({@link StepController#post}), so the request schema (the kind's request type),
 * the path's id, the answers and the refusals are written here, the same way for every route.
 */
@Component
class StepOperations implements OpenApiCustomizer {

    static final String STEPS_TAG = "steps";
    static final String CORRECTIONS_TAG = "corrections";

    private static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;

    @Override
    public void customise(OpenAPI api) {
        Components components = api.getComponents();
        for (StepRoute route : StepRoutes.ALL) {
            document(route, api.getPaths().get(route.path()).getPost(), components, api.getSpecVersion());
        }
        // What springdoc inferred from the generic handler's signature; every route says better above.
        components.getSchemas().remove("JsonNode");
        components.getSchemas().remove("StepAnswer");
    }

    private static void document(StepRoute route, Operation operation, Components components, SpecVersion version) {
        StepKind<?> kind = route.kind();
        operation
                .operationId(route.operationId())
                .summary(route.summary())
                .description(route.description())
                .tags(List.of(kind.form() == StepKind.Form.STEP ? STEPS_TAG : CORRECTIONS_TAG))
                .parameters(
                        route.namesIdInPath()
                                ? List.of(new PathParameter()
                                        .name(kind.idField())
                                        .description(route.idDescription())
                                        .schema(new StringSchema().pattern(StepRules.ID)))
                                : null)
                .requestBody(new RequestBody()
                        .required(true)
                        .content(new Content()
                                .addMediaType(
                                        JSON,
                                        new MediaType()
                                                .schema(SpringDocAnnotationsUtils.extractSchema(
                                                        components,
                                                        kind.requestType(),
                                                        null,
                                                        new Annotation[0],
                                                        version)))));
        Schema<?> answer = new Schema<>().$ref(answerSchema(kind.step(), components));
        operation.responses(new ApiResponses()
                .addApiResponse(
                        "201",
                        new ApiResponse()
                                .description(
                                        switch (kind.form()) {
                                            case STEP -> "Recorded";
                                            case AMENDMENT -> "Amended";
                                            case RETRACTION -> "Retracted";
                                        })
                                .content(new Content().addMediaType(JSON, new MediaType().schema(answer))))
                .addApiResponse(
                        "200",
                        new ApiResponse()
                                .description(
                                        switch (kind.form()) {
                                            case STEP ->
                                                "The same " + kind.step().label()
                                                        + " was recorded before; nothing stored";
                                            case AMENDMENT -> "The step already reads so; nothing stored";
                                            case RETRACTION -> "The step was retracted before; nothing stored";
                                        })
                                .content(new Content().addMediaType(JSON, new MediaType().schema(answer))))
                .addApiResponse(
                        "400",
                        problem("`invalid-step` (the fields at fault in `errors`), `unreadable-body`,"
                                + " or `loop-rule-violated`"))
                .addApiResponse("404", problem("`unknown-reference`: a step it names does not exist"))
                .addApiResponse(
                        "409",
                        problem("`conflicting-step`: the id is taken by other content or another"
                                + " kind of step; `concurrent-step`: retry")));
        ProblemAnswers.addSingleStepAnswers(operation.getResponses());
    }

    /** One schema per id field ({@code DecisionAnswer} for every step that answers a {@code decisionId}). */
    private static String answerSchema(LoopStep step, Components components) {
        LoopStep named = step.partOf();
        String idField = named.idField();
        String name = Character.toUpperCase(idField.charAt(0)) + idField.substring(1, idField.length() - "Id".length())
                + "Answer";
        if (components.getSchemas() == null || !components.getSchemas().containsKey(name)) {
            components.addSchemas(
                    name,
                    new ObjectSchema()
                            .description(
                                    "The answer to a step that names its " + named.label() + " by `" + idField + "`")
                            .addProperty(idField, new StringSchema())
                            .addProperty("eventId", new StringSchema())
                            .addProperty(
                                    "alreadyRecorded",
                                    new BooleanSchema()
                                            .description("true when the very same step had been recorded before")));
        }
        return "#/components/schemas/" + name;
    }

    private static ApiResponse problem(String description) {
        return ProblemAnswers.problem(description);
    }
}
