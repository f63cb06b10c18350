package io.learningloop.command.http;

import static io.learningloop.command.http.StepRules.ACTOR_MESSAGE;
import static io.learningloop.command.http.StepRules.ID;
import static io.learningloop.command.http.StepRules.ORG_UNIT_MESSAGE;

import io.learningloop.contract.OrgUnits;
import io.learningloop.contract.events.Assessment;
import io.learningloop.contract.events.ReportedBy;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** POST /decisions/{decisionId}/outcome. {@code orgUnit} is optional: the decision's by default. */
record OutcomeRequest(
        @Size(max = OrgUnits.MAX_LENGTH) @Pattern(regexp = OrgUnits.PATTERN, message = ORG_UNIT_MESSAGE)
        String orgUnit,
        @NotNull Instant occurredAt,
        @NotBlank @Size(max = StepRules.NAME) String sourceTool,
        @NotNull @Pattern(regexp = ID, message = ACTOR_MESSAGE) String actor,
        @NotNull Assessment assessment,
        @NotBlank @Size(max = StepRules.TEXT) String summary,
        ReportedBy reportedBy) implements StepRequest {

    /** Tools written before this was asked keep working: their outcomes are recorded as {@code unknown}. */
    ReportedBy reportedByOrUnknown() {
        return reportedBy != null ? reportedBy : ReportedBy.UNKNOWN;
    }
}
