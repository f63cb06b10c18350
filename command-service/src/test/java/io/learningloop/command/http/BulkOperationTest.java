package io.learningloop.command.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.junit.jupiter.api.Test;

/** The bulk route's documentation names every kind of step a line may be, and the shared problem answers. */
class BulkOperationTest {

    @Test
    void theDescriptionNamesEveryKindOfStepTheImportReads() {
        String description = BulkOperation.description();

        assertThat(StepKinds.ALL).hasSizeGreaterThan(4);
        for (StepKind<?> kind : StepKinds.ALL) {
            assertThat(description).contains("`" + kind.name() + "`");
            if (kind.aboutExistingStep()) {
                assertThat(description).contains("`" + kind.name() + "` (names its step in `" + kind.idField() + "`)");
            }
        }
        assertThat(description).contains("`outcome` (names its step in `decisionId`)");
    }

    @Test
    void theBulkRouteGetsItsDescriptionAndTheGeneralProblemAnswers() {
        Operation post = new Operation()
                .responses(new ApiResponses()
                        .addApiResponse("200", new ApiResponse())
                        .addApiResponse("413", new ApiResponse()));
        OpenAPI api = new OpenAPI().paths(new Paths().addPathItem(StepBodyLimit.BULK_PATH, new PathItem().post(post)));

        new BulkOperation().customise(api);

        assertThat(post.getDescription()).isEqualTo(BulkOperation.description());
        assertThat(post.getResponses()).containsOnlyKeys("200", "413", "406", "500");
        assertThat(post.getResponses().get("500").getContent()).containsOnlyKeys(ApiDocs.PROBLEM_JSON);
    }
}
