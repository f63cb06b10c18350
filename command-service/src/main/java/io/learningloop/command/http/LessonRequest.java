package io.learningloop.command.http;

import static io.learningloop.command.http.StepRules.ID;
import static io.learningloop.command.http.StepRules.ID_MESSAGE;

import io.learningloop.command.http.StepFields.OrgUnitPath;
import io.learningloop.command.http.StepFields.PseudonymousId;
import io.learningloop.command.http.StepFields.SourceTool;
import io.learningloop.command.http.StepFields.StepId;
import io.learningloop.contract.events.ExtractionPractice;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * POST /lessons. {@code lessonId} is optional: the server assigns one when it is missing. The themes
 * are those of the root-cause vocabulary; {@code extractionPractice} says how the lesson was drawn out.
 */
record LessonRequest(
        @StepId String lessonId,
        @NotNull @OrgUnitPath String orgUnit,
        @NotNull Instant occurredAt,
        @SourceTool String sourceTool,
        @PseudonymousId String actor,

        @Size(max = StepRules.MAX_REFERENCES)
        List<@NotNull @Pattern(regexp = ID, message = ID_MESSAGE) String> decisionIds,

        @NotBlank @Size(max = StepRules.TEXT) String lesson,
        @NotBlank @Size(max = StepRules.TEXT) String thinkingChange,

        @Size(max = StepRules.MAX_REFERENCES)
        List<@NotNull @Pattern(regexp = ID, message = ID_MESSAGE) String> reviewIds,

        @Size(max = MAX_THEMES)
        List<@NotNull @Pattern(regexp = StepRules.THEME, message = StepRules.THEME_MESSAGE) String> themes,

        ExtractionPractice extractionPractice)
        implements StepRequest {

    static final int MAX_THEMES = 20;

    List<String> decisionIdsOrNone() {
        return decisionIds == null ? List.of() : decisionIds;
    }

    List<String> reviewIdsOrNone() {
        return reviewIds == null ? List.of() : reviewIds;
    }

    List<String> themesOrNone() {
        return themes == null ? List.of() : themes;
    }

    /** Tools written before this was asked keep working: their lessons are recorded as {@code unknown}. */
    ExtractionPractice extractionPracticeOrUnknown() {
        return extractionPractice != null ? extractionPractice : ExtractionPractice.UNKNOWN;
    }
}
