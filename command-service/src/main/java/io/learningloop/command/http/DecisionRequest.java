package io.learningloop.command.http;

import static io.learningloop.command.http.StepRules.ID;
import static io.learningloop.command.http.StepRules.ID_MESSAGE;

import io.learningloop.command.http.StepFields.OrgUnitPath;
import io.learningloop.command.http.StepFields.PseudonymousId;
import io.learningloop.command.http.StepFields.SourceTool;
import io.learningloop.command.http.StepFields.StepId;
import io.learningloop.contract.events.DecisionCategory;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * POST /decisions. {@code decisionId} is optional: the server assigns one when it is missing. Planned
 * check-in dates, the leading indicators to read at them, and what the makers do not know are optional.
 */
record DecisionRequest(
        @StepId String decisionId,
        @NotNull @OrgUnitPath String orgUnit,
        @NotNull Instant occurredAt,
        @SourceTool String sourceTool,
        @PseudonymousId String actor,
        @NotBlank @Size(max = StepRules.TITLE) String title,
        @NotNull DecisionCategory category,
        @NotBlank @Size(max = StepRules.TEXT) String expectedOutcome,
        @NotNull @DecimalMin("0.0") @DecimalMax("1.0") Double confidence,
        @NotNull LocalDate reviewBy,

        @Size(max = StepRules.MAX_REFERENCES)
        List<@NotNull @Pattern(regexp = ID, message = ID_MESSAGE) String> informedByLessonIds,

        @Size(max = 24) List<@NotNull LocalDate> checkInDates,
        @Size(max = 20) List<@NotBlank @Size(max = 100) String> leadingIndicators,
        @Size(max = 20) List<@NotBlank @Size(max = 1000) String> uncertainties)
        implements StepRequest {}
