package io.learningloop.command.http;

/**
 * One single-step endpoint: {@code POST path} posts a step of {@code kind}. The rest is what the
 * OpenAPI document says about it ({@link StepOperations}); {@code idDescription} describes the path's
 * id where the summary leaves it unclear, else it is null.
 */
record StepRoute(
        String path, StepKind<?> kind, String operationId, String summary, String description, String idDescription) {

    static StepRoute of(String path, StepKind<?> kind, String operationId, String summary, String description) {
        return new StepRoute(path, kind, operationId, summary, description, null);
    }

    StepRoute describingId(String description) {
        return new StepRoute(path, kind, operationId, summary, this.description, description);
    }

    /** The path's template variable: the kind's id field, or none for a step that brings its own id. */
    boolean namesIdInPath() {
        return kind.aboutExistingStep();
    }
}
