package io.learningloop.command.http;

import static io.learningloop.command.http.StepRules.ACTOR_MESSAGE;
import static io.learningloop.command.http.StepRules.ID;
import static io.learningloop.command.http.StepRules.ORG_UNIT_MESSAGE;

import io.learningloop.contract.OrgUnits;
import io.learningloop.contract.events.IndicatorReading;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** POST /decisions/{decisionId}/check-ins. {@code orgUnit} is optional: the decision's by default. */
record CheckInRequest(
        @Size(max = OrgUnits.MAX_LENGTH) @Pattern(regexp = OrgUnits.PATTERN, message = ORG_UNIT_MESSAGE)
        String orgUnit,
        @NotNull Instant occurredAt,
        @NotBlank @Size(max = StepRules.NAME) String sourceTool,
        @NotNull @Pattern(regexp = ID, message = ACTOR_MESSAGE) String actor,
        @NotNull LocalDate scheduledFor,
        @NotNull @Size(max = 20) List<@NotNull @Valid Reading> readings,
        @NotNull Boolean onTrack) implements StepRequest {

    /** One leading indicator's reading; the note is optional. */
    record Reading(
            @NotBlank @Size(max = 100) String indicator,
            @NotBlank @Size(max = 200) String value,
            @Size(max = 1000) String note) {
    }

    List<IndicatorReading> indicatorReadings() {
        return readings.stream()
                .map(reading -> new IndicatorReading(reading.indicator(), reading.value(),
                        reading.note() == null ? "" : reading.note()))
                .toList();
    }
}
