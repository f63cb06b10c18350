package io.learningloop.command.http;

import static io.learningloop.command.http.StepRules.ACTOR_MESSAGE;
import static io.learningloop.command.http.StepRules.ID;
import static io.learningloop.command.http.StepRules.ID_MESSAGE;
import static io.learningloop.command.http.StepRules.ORG_UNIT_MESSAGE;

import io.learningloop.contract.OrgUnits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** POST /behavior-changes. {@code behaviorChangeId} is optional: the server assigns one when missing. */
record BehaviorChangeRequest(
        @Pattern(regexp = ID, message = ID_MESSAGE) String behaviorChangeId,
        @NotNull @Size(max = OrgUnits.MAX_LENGTH) @Pattern(regexp = OrgUnits.PATTERN, message = ORG_UNIT_MESSAGE)
        String orgUnit,
        @NotNull Instant occurredAt,
        @NotBlank @Size(max = StepRules.NAME) String sourceTool,
        @NotNull @Pattern(regexp = ID, message = ACTOR_MESSAGE) String actor,
        @NotEmpty @Size(max = StepRules.MAX_REFERENCES)
        List<@NotNull @Pattern(regexp = ID, message = ID_MESSAGE) String> lessonIds,
        @NotNull @Pattern(regexp = ID, message = ID_MESSAGE) String decisionId,
        @NotBlank @Size(max = StepRules.TEXT) String description) implements StepRequest {
}
