package io.learningloop.command.http;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Completes the bulk route's documentation ({@link BulkImportController}) with what an annotation cannot
 * hold: the kinds of step a line may be, from {@link StepKinds} (the one list the import reads lines
 * with), and the problem answers every route shares ({@link ProblemAnswers}).
 */
@Component
class BulkOperation implements OpenApiCustomizer {

    @Override
    public void customise(OpenAPI api) {
        Operation operation = api.getPaths().get(StepBodyLimit.BULK_PATH).getPost();
        operation.description(description());
        ProblemAnswers.addGeneralAnswers(operation.getResponses());
    }

    static String description() {
        String kinds = StepKinds.ALL.stream()
                .map(kind -> "`" + kind.name() + "`"
                        + (kind.aboutExistingStep() ? " (names its step in `" + kind.idField() + "`)" : ""))
                .collect(Collectors.joining(", "));
        return "Each line is a JSON object with `\"step\"`, one of " + kinds + ", and otherwise exactly the fields"
                + " of that step's single endpoint. Lines are processed in file order, each on its own: validated"
                + " like the single endpoint, then stored in its own transaction, whole or not at all. A refused line"
                + " does not stop the others. Blank lines are skipped but counted in line numbers. Posting the same"
                + " file again is safe: every step recorded before answers `200` with `alreadyRecorded`, and nothing"
                + " new is stored (give every step its id: a step without one gets a new id each time).";
    }
}
