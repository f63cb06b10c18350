package io.learningloop.command.http;

import io.learningloop.command.http.StepFields.PseudonymousId;
import io.learningloop.command.http.StepFields.SourceTool;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** POST /actions/{actionId}/drop. Dropping on purpose needs a reason; the org unit is the action's. */
record ActionDropRequest(
        @NotNull Instant occurredAt,
        @SourceTool String sourceTool,
        @PseudonymousId String actor,
        @NotBlank @Size(max = StepRules.TEXT) String reason)
        implements StepRequest {

    @Override
    public String orgUnit() {
        return null;
    }
}
