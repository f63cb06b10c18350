package io.learningloop.command.http;

import static io.learningloop.command.http.StepRules.ACTOR_MESSAGE;
import static io.learningloop.command.http.StepRules.ID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** POST /actions/{actionId}/completion, with what was done. The org unit is always the action's. */
record ActionCompletionRequest(
        @NotNull Instant occurredAt,
        @NotBlank @Size(max = StepRules.NAME) String sourceTool,
        @NotNull @Pattern(regexp = ID, message = ACTOR_MESSAGE) String actor,
        @NotBlank @Size(max = StepRules.TEXT) String note) implements StepRequest {

    @Override
    public String orgUnit() {
        return null;
    }
}
