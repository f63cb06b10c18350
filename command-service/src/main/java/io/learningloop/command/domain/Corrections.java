package io.learningloop.command.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.learningloop.command.commands.Correction;
import io.learningloop.command.commands.StepAccepted;
import io.learningloop.contract.EventTypes;
import io.learningloop.contract.LoopStep;
import io.learningloop.contract.events.LoopEvent;
import io.learningloop.contract.events.StepAmendedEvent;
import io.learningloop.contract.events.StepRetractedEvent;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The rules every aggregate applies to amendments and retractions, so that they read the same for
 * every kind of step:
 * <ul>
 *   <li>an amendment is validated like the step itself, keeps the step's references, and cannot move
 *       the step after a step that builds on it (a lesson cannot then precede its decision);</li>
 *   <li>a retraction is refused while live steps build on the step: they are retracted first;</li>
 *   <li>a retracted step takes no further step, but its id stays used; posted again exactly as it was,
 *       it is a repeat like any other (a backfill file posted again changes nothing);</li>
 *   <li>both are idempotent: the same amendment or retraction again changes nothing, also after the step
 *       was retracted, amended again or posted anew ({@link StepHistory} holds the rule).</li>
 * </ul>
 */
final class Corrections {

    private Corrections() {}

    /**
     * Records the correction. Each aggregate first answers an amendment that reads like the step
     * already does as a repeat, before any rule: the step may have been retracted since, or a step it
     * names, and the same file posted again must still change nothing.
     */
    static StepAccepted amend(LoopEvent correction, Correction by) {
        Instant now = by.stamp().recordedAt();
        apply(new StepAmendedEvent(
                by.stamp().eventId(),
                correction.aggregateId(),
                correction.orgUnit(),
                now,
                now,
                by.sourceTool(),
                by.actor(),
                by.reason(),
                EventTypes.revision(correction.getClass()),
                correction));
        return StepAccepted.recorded(correction.aggregateId(), by.stamp().eventId());
    }

    /** Retracts the step unless this is a repeat; refused while live steps build on it. */
    static StepAccepted retract(StepHistory<?> step, Correction by, LoopReferences references, LoopStep kind) {
        var repeat = step.repeatOfRetraction(by);
        if (repeat.isPresent()) {
            return repeat.get();
        }
        String stepId = step.current().aggregateId();
        List<LoopReferences.Dependent> dependents = references.dependentsOf(stepId);
        if (!dependents.isEmpty()) {
            throw new ConflictingStepException(kind.label() + " '" + stepId + "' cannot be retracted while "
                    + describe(dependents) + " build on it: retract those first");
        }
        return retractPart(step.current(), by);
    }

    /** Retracts a part of an aggregate (an outcome) that nothing else refers to. */
    static StepAccepted retractPart(LoopEvent step, Correction by) {
        Instant now = by.stamp().recordedAt();
        apply(new StepRetractedEvent(
                by.stamp().eventId(),
                step.aggregateId(),
                step.orgUnit(),
                now,
                now,
                by.sourceTool(),
                by.actor(),
                by.reason(),
                step.eventId(),
                EventTypes.name(step.getClass()),
                step.decisionsConcerned(),
                step.lessonsConcerned()));
        return StepAccepted.recorded(step.aggregateId(), by.stamp().eventId());
    }

    static void requireLive(StepRetractedEvent retraction, LoopStep kind, String id) {
        if (retraction != null) {
            throw new ConflictingStepException(kind.label() + " '" + id + "' was retracted (" + retraction.reason()
                    + "); it takes no further steps");
        }
    }

    /** References are what other steps were validated against: changing them is a new step, not a correction. */
    static void requireUnchanged(String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            throw new LoopRuleViolationException(
                    field, "cannot be amended (was " + before + "); retract the step" + " and post it anew");
        }
    }

    /** An amended step cannot move after the steps that build on it: they could not have followed it. */
    static void requireNotAfterDependents(LoopReferences references, String id, Instant occurredAt, LoopStep kind) {
        for (LoopReferences.Dependent dependent : references.dependentsOf(id)) {
            if (dependent.occurredAt().isBefore(occurredAt)) {
                throw new LoopRuleViolationException(
                        "occurredAt",
                        "the " + kind.label() + " cannot move after "
                                + dependent.kind() + " '" + dependent.stepId() + "' that builds on it, at "
                                + dependent.occurredAt());
            }
        }
    }

    /** An amended step cannot move after a later part of its own (an outcome, a held check-in, a share). */
    static void requireNotAfter(Instant occurredAt, Instant part, LoopStep kind, String what) {
        if (part != null && part.isBefore(occurredAt)) {
            throw new LoopRuleViolationException(
                    "occurredAt", "the " + kind.label() + " cannot move after its " + what + ", at " + part);
        }
    }

    private static String describe(List<LoopReferences.Dependent> dependents) {
        return dependents.stream()
                .map(dependent -> dependent.kind() + " '" + dependent.stepId() + "'")
                .sorted()
                .collect(Collectors.joining(", "));
    }
}
