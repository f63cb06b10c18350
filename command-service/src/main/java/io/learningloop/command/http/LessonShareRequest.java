package io.learningloop.command.http;

import io.learningloop.command.http.StepFields.OrgUnitPath;
import io.learningloop.command.http.StepFields.PseudonymousId;
import io.learningloop.command.http.StepFields.SourceTool;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/** POST /lessons/{lessonId}/shares: the lesson reached another org unit. */
record LessonShareRequest(
        @NotNull Instant occurredAt,
        @SourceTool String sourceTool,
        @PseudonymousId String actor,
        @NotNull @OrgUnitPath String sharedWithOrgUnit)
        implements StepRequest {

    @Override
    public String orgUnit() {
        return null;
    }
}
