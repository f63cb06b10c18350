package io.learningloop.command.http;

import static io.learningloop.command.http.StepRules.ACTOR_MESSAGE;
import static io.learningloop.command.http.StepRules.ID;
import static io.learningloop.command.http.StepRules.ID_MESSAGE;
import static io.learningloop.command.http.StepRules.ORG_UNIT_MESSAGE;

import io.learningloop.contract.OrgUnits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;

/** POST /actions: an action a review assigned. The owner is a pseudonymous id, like the actor. */
record ActionRequest(
        @Pattern(regexp = ID, message = ID_MESSAGE) String actionId,
        @NotNull @Size(max = OrgUnits.MAX_LENGTH) @Pattern(regexp = OrgUnits.PATTERN, message = ORG_UNIT_MESSAGE)
        String orgUnit,
        @NotNull Instant occurredAt,
        @NotBlank @Size(max = StepRules.NAME) String sourceTool,
        @NotNull @Pattern(regexp = ID, message = ACTOR_MESSAGE) String actor,
        @NotNull @Pattern(regexp = ID, message = ID_MESSAGE) String reviewId,
        @NotNull @Pattern(regexp = ID, message = ACTOR_MESSAGE) String owner,
        @NotNull LocalDate dueDate,
        @NotBlank @Size(max = StepRules.TEXT) String what) implements StepRequest {
}
