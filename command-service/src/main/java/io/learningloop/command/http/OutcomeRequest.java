package io.learningloop.command.http;

import io.learningloop.command.http.StepFields.OrgUnitPath;
import io.learningloop.command.http.StepFields.PseudonymousId;
import io.learningloop.command.http.StepFields.SourceTool;
import io.learningloop.contract.events.Assessment;
import io.learningloop.contract.events.ReportedBy;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** POST /decisions/{decisionId}/outcome. {@code orgUnit} is optional: the decision's by default. */
record OutcomeRequest(
        @OrgUnitPath String orgUnit,
        @NotNull Instant occurredAt,
        @SourceTool String sourceTool,
        @PseudonymousId String actor,
        @NotNull Assessment assessment,
        @NotBlank @Size(max = StepRules.TEXT) String summary,
        ReportedBy reportedBy)
        implements StepRequest {

    /** Tools written before this was asked keep working: their outcomes are recorded as {@code unknown}. */
    ReportedBy reportedByOrUnknown() {
        return reportedBy != null ? reportedBy : ReportedBy.UNKNOWN;
    }
}
