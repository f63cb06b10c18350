package io.learningloop.command.http;

import static io.learningloop.command.http.StepRules.ID;
import static io.learningloop.command.http.StepRules.ID_MESSAGE;

import io.learningloop.command.http.StepFields.OrgUnitPath;
import io.learningloop.command.http.StepFields.PseudonymousId;
import io.learningloop.command.http.StepFields.SourceTool;
import io.learningloop.command.http.StepFields.StepId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** POST /behavior-changes. {@code behaviorChangeId} is optional: the server assigns one when missing. */
record BehaviorChangeRequest(
        @StepId String behaviorChangeId,
        @NotNull @OrgUnitPath String orgUnit,
        @NotNull Instant occurredAt,
        @SourceTool String sourceTool,
        @PseudonymousId String actor,

        @NotEmpty @Size(max = StepRules.MAX_REFERENCES)
        List<@NotNull @Pattern(regexp = ID, message = ID_MESSAGE) String> lessonIds,

        @NotNull @StepId String decisionId,
        @NotBlank @Size(max = StepRules.TEXT) String description)
        implements StepRequest {}
