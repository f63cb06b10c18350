package io.learningloop.command.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.learningloop.command.commands.RecordLessonCommand;
import io.learningloop.command.commands.ShareLessonCommand;
import io.learningloop.command.commands.StepAccepted;
import io.learningloop.contract.events.LessonRecordedEvent;
import io.learningloop.contract.events.LessonSharedEvent;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A lesson: it comes from existing decisions and cannot be dated before any of them; it may be shared
 * with other org units.
 */
@Aggregate
class Lesson {

    @AggregateIdentifier
    private String lessonId;
    private LessonRecordedEvent recorded;
    private final Map<String, LessonSharedEvent> sharedWith = new HashMap<>();

    Lesson() {
        // Axon creates the aggregate empty, then replays its events or runs a creating handler.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    StepAccepted handle(RecordLessonCommand command, LoopReferences references) {
        if (recorded != null) {
            return Repeats.sameOrConflict(recorded, command.toEvent(Repeats.stampOf(recorded)),
                    "lesson '" + command.lessonId() + "' was already recorded with other content");
        }
        Repeats.requireUnused(references, command.lessonId(), "lesson");
        for (String decisionId : command.decisionIds()) {
            var decision = references.decision(decisionId)
                    .orElseThrow(() -> new UnknownReferenceException("decisionIds", "decision", decisionId));
            if (command.provenance().occurredAt().isBefore(decision.occurredAt())) {
                throw new LoopRuleViolationException("occurredAt", "a lesson cannot be drawn before decision '"
                        + decisionId + "' it comes from, made at " + decision.occurredAt());
            }
        }
        LessonRecordedEvent event = command.toEvent(command.stamp());
        apply(event);
        return StepAccepted.recorded(lessonId, event.eventId());
    }

    /** Sharing with a unit it was already shared with answers with the first sharing's event. */
    @CommandHandler
    StepAccepted handle(ShareLessonCommand command) {
        LessonSharedEvent earlier = sharedWith.get(command.sharedWithOrgUnit());
        if (earlier != null) {
            return StepAccepted.repeated(lessonId, earlier.eventId());
        }
        if (command.sharedWithOrgUnit().equals(recorded.orgUnit())) {
            throw new LoopRuleViolationException("sharedWithOrgUnit", "the lesson already belongs to "
                    + recorded.orgUnit() + "; sharing is with other units");
        }
        if (command.provenance().occurredAt().isBefore(recorded.occurredAt())) {
            throw new LoopRuleViolationException("occurredAt", "a lesson cannot be shared before it was drawn, at "
                    + recorded.occurredAt());
        }
        LessonSharedEvent event = new LessonSharedEvent(command.stamp().eventId(), lessonId, recorded.orgUnit(),
                command.provenance().occurredAt(), command.stamp().recordedAt(), command.provenance().sourceTool(),
                command.provenance().actor(), recorded.decisionIds(), command.sharedWithOrgUnit());
        apply(event);
        return StepAccepted.recorded(lessonId, event.eventId());
    }

    @EventSourcingHandler
    void on(LessonRecordedEvent event) {
        lessonId = event.lessonId();
        recorded = event;
    }

    @EventSourcingHandler
    void on(LessonSharedEvent event) {
        sharedWith.put(event.sharedWithOrgUnit(), event);
    }
}
