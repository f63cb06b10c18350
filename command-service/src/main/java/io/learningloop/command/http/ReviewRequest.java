package io.learningloop.command.http;

import static io.learningloop.command.http.StepRules.ID;
import static io.learningloop.command.http.StepRules.ID_MESSAGE;

import io.learningloop.command.http.StepFields.OrgUnitPath;
import io.learningloop.command.http.StepFields.PseudonymousId;
import io.learningloop.command.http.StepFields.SourceTool;
import io.learningloop.command.http.StepFields.StepId;
import io.learningloop.contract.events.ReviewKind;
import io.learningloop.contract.events.RootCause;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** POST /reviews. Participants are counted, never named. {@code reviewId} is optional. */
record ReviewRequest(
        @StepId String reviewId,
        @NotNull @OrgUnitPath String orgUnit,
        @NotNull Instant occurredAt,
        @SourceTool String sourceTool,
        @PseudonymousId String actor,

        @NotEmpty @Size(max = StepRules.MAX_REFERENCES)
        List<@NotNull @Pattern(regexp = ID, message = ID_MESSAGE) String> decisionIds,

        @NotNull ReviewKind kind,
        @NotEmpty @Size(max = StepRules.MAX_REFERENCES) List<@NotNull @Valid Cause> rootCauses,
        @NotNull Boolean facilitated,
        @NotNull Boolean blameless,
        @NotNull @Min(1) @Max(10_000) Integer participantCount)
        implements StepRequest {

    /** A root cause: a theme of the vocabulary and the review's words. */
    record Cause(
            @NotNull @Pattern(regexp = StepRules.THEME, message = StepRules.THEME_MESSAGE)
            String theme,

            @NotBlank @Size(max = StepRules.TEXT) String text) {

        RootCause toRootCause() {
            return new RootCause(theme, text);
        }
    }

    List<RootCause> causes() {
        return rootCauses.stream().map(Cause::toRootCause).toList();
    }
}
