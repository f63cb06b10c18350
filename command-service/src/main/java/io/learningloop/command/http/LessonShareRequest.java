package io.learningloop.command.http;

import static io.learningloop.command.http.StepRules.ACTOR_MESSAGE;
import static io.learningloop.command.http.StepRules.ID;
import static io.learningloop.command.http.StepRules.ORG_UNIT_MESSAGE;

import io.learningloop.contract.OrgUnits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** POST /lessons/{lessonId}/shares: the lesson reached another org unit. */
record LessonShareRequest(
        @NotNull Instant occurredAt,
        @NotBlank @Size(max = StepRules.NAME) String sourceTool,
        @NotNull @Pattern(regexp = ID, message = ACTOR_MESSAGE) String actor,
        @NotNull @Size(max = OrgUnits.MAX_LENGTH) @Pattern(regexp = OrgUnits.PATTERN, message = ORG_UNIT_MESSAGE)
        String sharedWithOrgUnit) implements StepRequest {

    @Override
    public String orgUnit() {
        return null;
    }
}
