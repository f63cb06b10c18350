package io.learningloop.command.http;

import io.learningloop.command.commands.Correction;
import io.learningloop.command.commands.Provenance;
import io.learningloop.command.commands.Stamp;
import io.learningloop.command.http.StepFields.PseudonymousId;
import io.learningloop.command.http.StepFields.SourceTool;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;

/**
 * POST …/amendment: the step as it should have been recorded ({@code correction}, validated exactly
 * like the step itself), and who corrects it and why. The step's id comes from the path.
 */
record AmendmentRequest<R extends StepRequest>(
        @SourceTool String sourceTool,
        @PseudonymousId String actor,
        @NotBlank @Size(max = StepRules.TEXT) String reason,
        @NotNull @Valid R correction)
        implements StepRequest {

    @Override
    public String orgUnit() {
        return correction.orgUnit();
    }

    @Override
    public Instant occurredAt() {
        return correction.occurredAt();
    }

    /** The corrected step's provenance: it is the step that happened, and it cannot lie in the future either. */
    @Override
    public Provenance provenance(Clock clock) {
        return correction.provenance(clock);
    }

    Correction by(Stamp stamp) {
        return new Correction(stamp, sourceTool, actor, reason);
    }
}
