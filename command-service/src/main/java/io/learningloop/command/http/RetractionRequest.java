package io.learningloop.command.http;

import io.learningloop.command.commands.Correction;
import io.learningloop.command.commands.Provenance;
import io.learningloop.command.commands.Stamp;
import io.learningloop.command.http.StepFields.PseudonymousId;
import io.learningloop.command.http.StepFields.SourceTool;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;

/** POST …/retraction: who withdraws the step named by the path, and why. It happens now. */
record RetractionRequest(
        @SourceTool String sourceTool,
        @PseudonymousId String actor,
        @NotBlank @Size(max = StepRules.TEXT) String reason)
        implements StepRequest {

    @Override
    public String orgUnit() {
        return null;
    }

    @Override
    public Instant occurredAt() {
        return null;
    }

    @Override
    public Provenance provenance(Clock clock) {
        return new Provenance(null, clock.instant(), sourceTool, actor);
    }

    Correction by(Stamp stamp) {
        return new Correction(stamp, sourceTool, actor, reason);
    }
}
