package io.learningloop.command.http;

import io.learningloop.command.commands.Provenance;
import io.learningloop.command.domain.LoopRuleViolationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** What every step's request says about where and when it happened and who posted it. */
interface StepRequest {

    /** Clocks of posting tools drift; a step further in the future than this is a mistake. */
    Duration CLOCK_SKEW = Duration.ofMinutes(5);

    String orgUnit();

    Instant occurredAt();

    String sourceTool();

    String actor();

    default Provenance provenance(Clock clock) {
        if (occurredAt().isAfter(clock.instant().plus(CLOCK_SKEW))) {
            throw new LoopRuleViolationException("occurredAt", "lies in the future: a step is posted once it happened");
        }
        return new Provenance(orgUnit(), occurredAt(), sourceTool(), actor());
    }
}
