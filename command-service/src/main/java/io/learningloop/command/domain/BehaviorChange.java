package io.learningloop.command.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.learningloop.command.commands.AmendBehaviorChangeCommand;
import io.learningloop.command.commands.RecordBehaviorChangeCommand;
import io.learningloop.command.commands.RetractBehaviorChangeCommand;
import io.learningloop.command.commands.StepAccepted;
import io.learningloop.command.commands.Writer;
import io.learningloop.contract.LoopStep;
import io.learningloop.contract.events.BehaviorChangedEvent;
import io.learningloop.contract.events.StepAmendedEvent;
import io.learningloop.contract.events.StepRetractedEvent;
import java.util.List;
import java.util.TreeSet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A decision made differently because of lessons: the lessons must exist, and the decision must exist
 * and have been made after every one of them (a lesson cannot change a decision that preceded it). It
 * can be amended and retracted ({@link Corrections}).
 */
@Aggregate
class BehaviorChange {

    @AggregateIdentifier
    private String behaviorChangeId;
    /** The change as posted and as amended, and its retraction. */
    private final StepHistory<BehaviorChangedEvent> change = new StepHistory<>();

    BehaviorChange() {
        // Axon creates the aggregate empty, then replays its events or runs a creating handler.
    }

    /**
     * A command about this step needs a key that covers the step's org unit as recorded — to re-post it,
     * add to it, amend it (also to another unit) or retract it. A new step's unit is checked where it
     * is named, before the command is sent (StepSender).
     */
    @CommandHandlerInterceptor
    Object writableByTheKey(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        Writer.requireCovers(command.getMetaData(), change.orgUnit());
        return chain.proceed();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    StepAccepted handle(RecordBehaviorChangeCommand command, LoopReferences references) {
        if (change.exists()) {
            // Told without looking the lessons up: they may have been retracted since the change was.
            return change.repeatOfStep(reading -> command.toEvent(
                            Repeats.stampOf(reading.step()), reading.step().lessonDecisionIds()))
                    .orElseThrow(() -> new ConflictingStepException("behaviour change '" + command.behaviorChangeId()
                            + "' was already recorded with other content"));
        }
        List<String> lessonDecisionIds = lessonDecisionIds(command, references);
        Repeats.requireUnused(references, command.behaviorChangeId(), LoopStep.BEHAVIOR_CHANGE);
        requireValid(command, references);
        BehaviorChangedEvent event = command.toEvent(command.stamp(), lessonDecisionIds);
        apply(event);
        return StepAccepted.recorded(behaviorChangeId, event.eventId());
    }

    /** The change as it should have been recorded: its lessons and its decision stay. */
    @CommandHandler
    StepAccepted handle(AmendBehaviorChangeCommand command, LoopReferences references) {
        RecordBehaviorChangeCommand corrected = command.correction();
        var repeat = change.repeatOfAmendment(
                reading -> corrected.toEvent(
                        Repeats.stampOf(reading.step()), reading.step().lessonDecisionIds()),
                command.by());
        if (repeat.isPresent()) {
            return repeat.get();
        }
        Corrections.requireLive(change.retraction(), LoopStep.BEHAVIOR_CHANGE, behaviorChangeId);
        BehaviorChangedEvent recorded = change.current();
        BehaviorChangedEvent correction = corrected.toEvent(Repeats.stampOf(recorded), recorded.lessonDecisionIds());
        Corrections.requireUnchanged("lessonIds", recorded.lessonIds(), correction.lessonIds());
        Corrections.requireUnchanged("decisionId", recorded.decisionId(), correction.decisionId());
        requireValid(corrected, references);
        return Corrections.amend(correction, command.by());
    }

    /** Nothing refers to a behaviour change, so it can always be retracted. */
    @CommandHandler
    StepAccepted handle(RetractBehaviorChangeCommand command, LoopReferences references) {
        return Corrections.retract(change, command.by(), references, LoopStep.BEHAVIOR_CHANGE);
    }

    /** The rules of a behaviour change, for the change as posted and as amended. */
    private static void requireValid(RecordBehaviorChangeCommand command, LoopReferences references) {
        var decision = references
                .decision(command.decisionId())
                .orElseThrow(
                        () -> new UnknownReferenceException("decisionId", LoopStep.DECISION, command.decisionId()));
        for (String lessonId : command.lessonIds()) {
            var lesson = references.lesson(lessonId).orElseThrow();
            if (!decision.occurredAt().isAfter(lesson.occurredAt())) {
                throw new LoopRuleViolationException(
                        "decisionId",
                        "decision '" + decision.decisionId()
                                + "' was made at " + decision.occurredAt() + ", not after lesson '" + lessonId
                                + "' (recorded at " + lesson.occurredAt() + "): the lesson cannot have changed it");
            }
        }
        if (command.provenance().occurredAt().isBefore(decision.occurredAt())) {
            throw new LoopRuleViolationException(
                    "occurredAt",
                    "a behaviour change cannot occur before the decision" + " that shows it, made at "
                            + decision.occurredAt());
        }
    }

    /** The decisions the cited lessons came from, carried on the event so no consumer has to join. */
    private static List<String> lessonDecisionIds(RecordBehaviorChangeCommand command, LoopReferences references) {
        TreeSet<String> decisionIds = new TreeSet<>();
        for (String lessonId : command.lessonIds()) {
            decisionIds.addAll(references
                    .lesson(lessonId)
                    .orElseThrow(() -> new UnknownReferenceException("lessonIds", LoopStep.LESSON, lessonId))
                    .decisionIds());
        }
        return List.copyOf(decisionIds);
    }

    @EventSourcingHandler
    void on(BehaviorChangedEvent event) {
        behaviorChangeId = event.behaviorChangeId();
        change.posted(event, null);
    }

    @EventSourcingHandler
    void on(StepAmendedEvent event) {
        change.amended(event, (BehaviorChangedEvent) event.correction(), null);
    }

    @EventSourcingHandler
    void on(StepRetractedEvent event) {
        change.retracted(event);
    }
}
