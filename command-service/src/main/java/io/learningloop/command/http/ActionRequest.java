package io.learningloop.command.http;

import io.learningloop.command.http.StepFields.OrgUnitPath;
import io.learningloop.command.http.StepFields.PseudonymousId;
import io.learningloop.command.http.StepFields.SourceTool;
import io.learningloop.command.http.StepFields.StepId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;

/** POST /actions: an action a review assigned. The owner, like the actor, is pseudonymised on arrival. */
record ActionRequest(
        @StepId String actionId,
        @NotNull @OrgUnitPath String orgUnit,
        @NotNull Instant occurredAt,
        @SourceTool String sourceTool,
        @PseudonymousId String actor,
        @NotNull @StepId String reviewId,
        @PseudonymousId String owner,
        @NotNull LocalDate dueDate,
        @NotBlank @Size(max = StepRules.TEXT) String what)
        implements StepRequest {}
