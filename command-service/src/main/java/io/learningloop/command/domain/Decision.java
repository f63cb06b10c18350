package io.learningloop.command.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.learningloop.command.commands.MakeDecisionCommand;
import io.learningloop.command.commands.ObserveOutcomeCommand;
import io.learningloop.command.commands.StepAccepted;
import io.learningloop.contract.events.DecisionMadeEvent;
import io.learningloop.contract.events.OutcomeObservedEvent;
import java.time.ZoneOffset;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** A decision and its observed outcome: an outcome needs the decision and cannot precede it. */
@Aggregate
class Decision {

    @AggregateIdentifier
    private String decisionId;
    private DecisionMadeEvent made;
    private OutcomeObservedEvent outcome;

    Decision() {
        // Axon creates the aggregate empty, then replays its events or runs a creating handler.
    }

    /** Creates the decision, or answers a retry of the very same post with the original event. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    StepAccepted handle(MakeDecisionCommand command, LoopReferences references) {
        if (made != null) {
            return Repeats.sameOrConflict(made, command.toEvent(Repeats.stampOf(made)),
                    "decision '" + command.decisionId() + "' was already recorded with other content");
        }
        Repeats.requireUnused(references, command.decisionId(), "decision");
        if (command.reviewBy().isBefore(command.provenance().occurredAt().atZone(ZoneOffset.UTC).toLocalDate())) {
            throw new LoopRuleViolationException("reviewBy", "the review-by date cannot lie before the decision");
        }
        for (String lessonId : command.informedByLessonIds()) {
            var lesson = references.lesson(lessonId)
                    .orElseThrow(() -> new UnknownReferenceException("informedByLessonIds", "lesson", lessonId));
            if (lesson.occurredAt().isAfter(command.provenance().occurredAt())) {
                throw new LoopRuleViolationException("informedByLessonIds", "lesson '" + lessonId + "' was recorded at "
                        + lesson.occurredAt() + ", after this decision: it cannot have informed it");
            }
        }
        DecisionMadeEvent event = command.toEvent(command.stamp());
        apply(event);
        return StepAccepted.recorded(decisionId, event.eventId());
    }

    @CommandHandler
    StepAccepted handle(ObserveOutcomeCommand command) {
        if (outcome != null) {
            return Repeats.sameOrConflict(outcome, command.toEvent(Repeats.stampOf(outcome), made.orgUnit()),
                    "decision '" + decisionId + "' already has an outcome; amending it is not supported yet");
        }
        if (command.provenance().occurredAt().isBefore(made.occurredAt())) {
            throw new LoopRuleViolationException("occurredAt", "an outcome cannot occur before its decision, made at "
                    + made.occurredAt());
        }
        OutcomeObservedEvent event = command.toEvent(command.stamp(), made.orgUnit());
        apply(event);
        return StepAccepted.recorded(decisionId, event.eventId());
    }

    @EventSourcingHandler
    void on(DecisionMadeEvent event) {
        decisionId = event.decisionId();
        made = event;
    }

    @EventSourcingHandler
    void on(OutcomeObservedEvent event) {
        outcome = event;
    }
}
