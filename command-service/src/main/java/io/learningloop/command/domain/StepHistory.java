package io.learningloop.command.domain;

import io.learningloop.command.commands.Correction;
import io.learningloop.command.commands.StepAccepted;
import io.learningloop.contract.events.LoopEvent;
import io.learningloop.contract.events.StepAmendedEvent;
import io.learningloop.contract.events.StepRetractedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything one correctable step has read like — as posted, after each amendment, across retractions
 * and posts anew (an outcome can be retracted and observed again) — so that a step or a correction
 * posted again is told from a new one by the same rules for every kind of step. A backfill file posted
 * again must change nothing (see docs/bulk-import.md, "Posting a file again"):
 * <ul>
 *   <li>a step is a repeat when it reads like any reading the step had;</li>
 *   <li>an amendment is a repeat when the step already reads like it, or when an earlier amendment by the
 *       same corrector (tool, actor, reason) read like it: a file that amends twice must not swap back;</li>
 *   <li>a retraction is a repeat while the step is retracted, or when an earlier retraction by the same
 *       corrector retracted this step before: retract-then-post-again must not retract the new post.</li>
 * </ul>
 * The aggregates feed it from their event sourcing handlers, and it never applies anything itself.
 *
 * @param <E> the step's event type
 */
final class StepHistory<E extends LoopEvent> {

    /**
     * One reading of the step: the step's event (amended ones keep the posted event's stamp), the event
     * that made it read so, the amendment when it was one, and the org unit a step posted without one
     * defaulted to at the time (an outcome takes its decision's unit, which may be amended later).
     */
    record Reading<E>(E step, String by, StepAmendedEvent amendment, String defaultOrgUnit) {}

    private final List<Reading<E>> readings = new ArrayList<>();
    private final List<StepRetractedEvent> retractions = new ArrayList<>();
    private Reading<E> posted;
    private Reading<E> current;
    private StepRetractedEvent retraction;

    void posted(E step, String defaultOrgUnit) {
        posted = new Reading<>(step, step.eventId(), null, defaultOrgUnit);
        current = posted;
        retraction = null;
        readings.add(posted);
    }

    void amended(StepAmendedEvent amendment, E corrected, String defaultOrgUnit) {
        current = new Reading<>(corrected, amendment.eventId(), amendment, defaultOrgUnit);
        readings.add(current);
    }

    void retracted(StepRetractedEvent event) {
        retraction = event;
        retractions.add(event);
    }

    /** True once posted (it may have been retracted since). */
    boolean exists() {
        return current != null;
    }

    /** True when posted and not retracted since. */
    boolean live() {
        return current != null && retraction == null;
    }

    /** The step as first posted (its latest post, for a step posted anew after a retraction). */
    E posted() {
        return posted.step();
    }

    /** The step as it reads now, also when retracted: the last reading. */
    E current() {
        return current.step();
    }

    /** The step's org unit as it reads now; null while nothing is recorded (nothing to protect yet). */
    String orgUnit() {
        return current == null ? null : current.step().orgUnit();
    }

    /** The event that made the step read as it does now (its post or its last amendment). */
    String currentBy() {
        return current.by();
    }

    /** The retraction of the step as it reads now; null while live. */
    StepRetractedEvent retraction() {
        return retraction;
    }

    /**
     * The answer to a step posted again, if it reads like any reading the step had. {@code rebuild} turns
     * a reading into the step posted now as it would have been recorded then (that reading's stamp and
     * defaults), or null when it cannot be that reading at all.
     */
    Optional<StepAccepted> repeatOfStep(Function<Reading<E>, E> rebuild) {
        return readings.stream()
                .filter(reading -> reading.step().equals(rebuild.apply(reading)))
                .findFirst()
                .map(reading -> StepAccepted.repeated(
                        reading.step().aggregateId(), reading.step().eventId()));
    }

    /** The answer to an amendment posted again, if it is one (see the class comment); {@code rebuild} as above. */
    Optional<StepAccepted> repeatOfAmendment(Function<Reading<E>, E> rebuild, Correction by) {
        if (current != null && current.step().equals(rebuild.apply(current))) {
            return Optional.of(StepAccepted.repeated(current.step().aggregateId(), current.by()));
        }
        return readings.stream()
                .filter(reading -> reading.amendment() != null && sameCorrector(reading.amendment(), by))
                .filter(reading -> reading.step().equals(rebuild.apply(reading)))
                .findFirst()
                .map(reading -> StepAccepted.repeated(reading.step().aggregateId(), reading.by()));
    }

    /** The answer to a retraction posted again, if it is one (see the class comment). */
    Optional<StepAccepted> repeatOfRetraction(Correction by) {
        if (retraction != null) {
            return Optional.of(StepAccepted.repeated(retraction.stepId(), retraction.eventId()));
        }
        return retractions.stream()
                .filter(earlier -> earlier.sourceTool().equals(by.sourceTool())
                        && earlier.actor().equals(by.actor())
                        && Objects.equals(earlier.reason(), by.reason()))
                .findFirst()
                .map(earlier -> StepAccepted.repeated(earlier.stepId(), earlier.eventId()));
    }

    private static boolean sameCorrector(StepAmendedEvent amendment, Correction by) {
        return amendment.sourceTool().equals(by.sourceTool())
                && amendment.actor().equals(by.actor())
                && Objects.equals(amendment.reason(), by.reason());
    }
}
