package io.learningloop.query.loops;

import io.learningloop.codec.kafka.EventEnvelope;
import io.learningloop.contract.events.ActionAssignedEvent;
import io.learningloop.contract.events.ActionCompletedEvent;
import io.learningloop.contract.events.ActionDroppedEvent;
import io.learningloop.contract.events.ActionOverdueEvent;
import io.learningloop.contract.events.BehaviorChangedEvent;
import io.learningloop.contract.events.CheckInHeldEvent;
import io.learningloop.contract.events.CheckInMissedEvent;
import io.learningloop.contract.events.DecisionMadeEvent;
import io.learningloop.contract.events.LessonRecordedEvent;
import io.learningloop.contract.events.LessonSharedEvent;
import io.learningloop.contract.events.LoopEvent;
import io.learningloop.contract.events.OutcomeObservedEvent;
import io.learningloop.contract.events.ReviewHeldEvent;
import io.learningloop.contract.events.StepAmendedEvent;
import io.learningloop.contract.events.StepRetractedEvent;
import io.learningloop.projection.DocumentProjection;
import io.learningloop.projection.elasticsearch.Indices;
import java.util.Collection;
import org.springframework.stereotype.Component;

/**
 * Keeps one {@link LoopDocument} per decision: every event updates the loops it is a step of. An
 * amendment is applied as the step it corrects; a retraction takes the step out again.
 */
@Component
class LoopsProjection implements DocumentProjection<LoopDocument> {

    private final Indices indices;

    LoopsProjection(Indices indices) {
        this.indices = indices;
    }

    @Override
    public String name() {
        return "loops";
    }

    @Override
    public String index() {
        return indices.loops();
    }

    @Override
    public Class<LoopDocument> documentClass() {
        return LoopDocument.class;
    }

    @Override
    public Collection<String> documentIds(EventEnvelope envelope) {
        return envelope.event().decisionsConcerned();
    }

    @Override
    public LoopDocument apply(String decisionId, LoopDocument current, EventEnvelope envelope) {
        LoopDocument loop = current != null ? current : LoopDocument.empty(decisionId);
        if (envelope.event() instanceof StepAmendedEvent amended) {
            return applyStep(loop.withAmendment(amended), envelope.correctedStep());
        }
        if (envelope.event() instanceof StepRetractedEvent retracted) {
            return loop.withRetraction(retracted);
        }
        return applyStep(loop, envelope);
    }

    private LoopDocument applyStep(LoopDocument loop, EventEnvelope envelope) {
        LoopEvent event = envelope.event();
        if (event instanceof DecisionMadeEvent made) {
            return loop.withDecision(made, envelope.aggregateSequence());
        }
        if (event instanceof OutcomeObservedEvent observed) {
            return loop.withOutcome(observed, envelope.aggregateSequence());
        }
        if (event instanceof LessonRecordedEvent recorded) {
            return loop.withLesson(recorded);
        }
        if (event instanceof BehaviorChangedEvent changed) {
            return loop.withBehaviorChange(changed);
        }
        if (event instanceof CheckInHeldEvent held) {
            return loop.withCheckInHeld(held);
        }
        if (event instanceof CheckInMissedEvent missed) {
            return loop.withCheckInMissed(missed);
        }
        if (event instanceof ReviewHeldEvent held) {
            return loop.withReview(held);
        }
        if (event instanceof ActionAssignedEvent assigned) {
            return loop.withActionAssigned(assigned, envelope.aggregateSequence());
        }
        if (event instanceof ActionCompletedEvent completed) {
            return loop.withActionEnded(completed.actionId(), "completed", completed.occurredAt(),
                    envelope.aggregateSequence());
        }
        if (event instanceof ActionDroppedEvent dropped) {
            return loop.withActionEnded(dropped.actionId(), "dropped", dropped.occurredAt(),
                    envelope.aggregateSequence());
        }
        if (event instanceof ActionOverdueEvent overdue) {
            return loop.withActionOverdue(overdue.actionId(), envelope.aggregateSequence());
        }
        if (event instanceof LessonSharedEvent shared) {
            return loop.withLessonShared(shared);
        }
        throw new IllegalArgumentException("the loops projection does not know " + event.getClass().getSimpleName());
    }
}
