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
import io.learningloop.readmodel.LoopDocument;
import java.util.Collection;
import org.springframework.stereotype.Component;

/**
 * Keeps one {@link LoopDocument} per decision: every event updates the loops it is a step of, through
 * the reducer of the part it changes. An amendment is applied as the step it corrects; a retraction
 * takes the step out again.
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

    /** The parts the events said, reduced by the event, then derived: {@link LoopDerivation}. */
    @Override
    public LoopDocument apply(String decisionId, LoopDocument current, EventEnvelope envelope) {
        LoopParts parts = current != null ? LoopParts.of(current) : LoopParts.empty(decisionId);
        LoopParts changed = reduce(parts, envelope);
        return changed == parts && current != null ? current : LoopDerivation.document(changed);
    }

    private static LoopParts reduce(LoopParts loop, EventEnvelope envelope) {
        if (envelope.event() instanceof StepAmendedEvent amended) {
            return applyStep(Corrections.amended(loop, amended), envelope.correctedStep());
        }
        if (envelope.event() instanceof StepRetractedEvent retracted) {
            return Corrections.retracted(loop, retracted);
        }
        return applyStep(loop, envelope);
    }

    private static LoopParts applyStep(LoopParts loop, EventEnvelope envelope) {
        LoopEvent event = envelope.event();
        long sequence = envelope.aggregateSequence();
        if (event instanceof DecisionMadeEvent made) {
            return Decisions.made(loop, made, sequence);
        }
        if (event instanceof OutcomeObservedEvent observed) {
            return Outcomes.observed(loop, observed, sequence);
        }
        if (event instanceof LessonRecordedEvent recorded) {
            return LessonsAndChanges.lesson(loop, recorded);
        }
        if (event instanceof BehaviorChangedEvent changed) {
            return LessonsAndChanges.behaviorChange(loop, changed);
        }
        if (event instanceof CheckInHeldEvent held) {
            return CheckIns.held(loop, held);
        }
        if (event instanceof CheckInMissedEvent missed) {
            return CheckIns.missed(loop, missed);
        }
        if (event instanceof ReviewHeldEvent held) {
            return ReviewsAndShares.review(loop, held);
        }
        if (event instanceof LessonSharedEvent shared) {
            return ReviewsAndShares.shared(loop, shared);
        }
        if (event instanceof ActionAssignedEvent assigned) {
            return Actions.assigned(loop, assigned, sequence);
        }
        if (event instanceof ActionCompletedEvent completed) {
            return Actions.completed(loop, completed, sequence);
        }
        if (event instanceof ActionDroppedEvent dropped) {
            return Actions.dropped(loop, dropped, sequence);
        }
        if (event instanceof ActionOverdueEvent overdue) {
            return Actions.overdue(loop, overdue, sequence);
        }
        throw new IllegalArgumentException(
                "the loops projection does not know " + event.getClass().getSimpleName());
    }
}
