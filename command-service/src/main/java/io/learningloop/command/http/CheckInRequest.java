package io.learningloop.command.http;

import io.learningloop.command.http.StepFields.OrgUnitPath;
import io.learningloop.command.http.StepFields.PseudonymousId;
import io.learningloop.command.http.StepFields.SourceTool;
import io.learningloop.contract.events.IndicatorReading;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** POST /decisions/{decisionId}/check-ins. {@code orgUnit} is optional: the decision's by default. */
record CheckInRequest(
        @OrgUnitPath String orgUnit,
        @NotNull Instant occurredAt,
        @SourceTool String sourceTool,
        @PseudonymousId String actor,
        @NotNull LocalDate scheduledFor,
        @NotNull @Size(max = 20) List<@NotNull @Valid Reading> readings,
        @NotNull Boolean onTrack)
        implements StepRequest {

    /** One leading indicator's reading; the note is optional. */
    record Reading(
            @NotBlank @Size(max = 100) String indicator,
            @NotBlank @Size(max = 200) String value,
            @Size(max = 1000) String note) {}

    List<IndicatorReading> indicatorReadings() {
        return readings.stream()
                .map(reading -> new IndicatorReading(
                        reading.indicator(), reading.value(), reading.note() == null ? "" : reading.note()))
                .toList();
    }
}
