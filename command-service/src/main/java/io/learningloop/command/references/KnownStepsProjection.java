package io.learningloop.command.references;

import io.learningloop.command.domain.LoopReferences;
import io.learningloop.contract.EventTypes;
import io.learningloop.contract.LoopStep;
import io.learningloop.contract.events.ActionAssignedEvent;
import io.learningloop.contract.events.BehaviorChangedEvent;
import io.learningloop.contract.events.DecisionMadeEvent;
import io.learningloop.contract.events.LessonRecordedEvent;
import io.learningloop.contract.events.OutcomeObservedEvent;
import io.learningloop.contract.events.ReviewHeldEvent;
import io.learningloop.contract.events.StepAmendedEvent;
import io.learningloop.contract.events.StepRetractedEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code known_step} and {@code step_reference} in step with the event store. Its processing
 * group is subscribing and propagates errors (see {@code KnownStepsConfiguration}): a failed insert
 * rolls the command back. The domain's rules name steps in sentences for people, so what it reads here
 * is a step's label ({@code behaviour change}); what is stored is its wire name ({@code behavior-change}).
 */
@Component
@ProcessingGroup(KnownStepsProjection.PROCESSING_GROUP)
class KnownStepsProjection implements LoopReferences {

    static final String PROCESSING_GROUP = "known-steps";

    private final KnownStepRepository steps;

    KnownStepsProjection(KnownStepRepository steps) {
        this.steps = steps;
    }

    @EventHandler
    void on(DecisionMadeEvent event) {
        steps.save(new KnownStep(event.decisionId(), LoopStep.DECISION, event.occurredAt(), List.of()));
        references(event.decisionId(), event.informedByLessonIds());
    }

    @EventHandler
    void on(LessonRecordedEvent event) {
        steps.save(new KnownStep(event.lessonId(), LoopStep.LESSON, event.occurredAt(), event.decisionIds()));
        List<String> named = new ArrayList<>(event.decisionIds());
        named.addAll(event.reviewIds());
        references(event.lessonId(), named);
    }

    @EventHandler
    void on(ReviewHeldEvent event) {
        steps.save(new KnownStep(event.reviewId(), LoopStep.REVIEW, event.occurredAt(), event.decisionIds()));
        references(event.reviewId(), event.decisionIds());
    }

    @EventHandler
    void on(ActionAssignedEvent event) {
        steps.save(new KnownStep(event.actionId(), LoopStep.ACTION, event.occurredAt(), event.decisionIds()));
        references(event.actionId(), List.of(event.reviewId()));
    }

    @EventHandler
    void on(BehaviorChangedEvent event) {
        steps.save(new KnownStep(event.behaviorChangeId(), LoopStep.BEHAVIOR_CHANGE, event.occurredAt(), List.of()));
        List<String> named = new ArrayList<>(event.lessonIds());
        named.add(event.decisionId());
        references(event.behaviorChangeId(), named);
    }

    /** An amendment keeps the references; only the time the rules compare against may move. */
    @EventHandler
    void on(StepAmendedEvent event) {
        if (!(event.correction() instanceof OutcomeObservedEvent)) {
            steps.moveTo(event.stepId(), event.correction().occurredAt());
        }
    }

    /** A retracted outcome leaves its decision as it is; any other retraction retracts the step. */
    @EventHandler
    void on(StepRetractedEvent event) {
        if (!event.retractedEventType().equals(EventTypes.name(OutcomeObservedEvent.class))) {
            steps.retract(event.stepId());
        }
    }

    private void references(String stepId, Collection<String> referencedIds) {
        referencedIds.forEach(referencedId -> steps.addReference(stepId, referencedId));
    }

    @Override
    public Optional<KnownDecision> decision(String decisionId) {
        return live(decisionId, LoopStep.DECISION).map(step -> new KnownDecision(step.stepId(), step.occurredAt()));
    }

    @Override
    public Optional<KnownLesson> lesson(String lessonId) {
        return live(lessonId, LoopStep.LESSON)
                .map(step -> new KnownLesson(step.stepId(), step.occurredAt(), step.decisionIds()));
    }

    @Override
    public Optional<KnownReview> review(String reviewId) {
        return live(reviewId, LoopStep.REVIEW)
                .map(step -> new KnownReview(step.stepId(), step.occurredAt(), step.decisionIds()));
    }

    @Override
    public Optional<String> kindOf(String id) {
        return steps.findById(id).map(step -> step.kind().label());
    }

    @Override
    public List<Dependent> dependentsOf(String id) {
        return steps.dependentsOf(id).stream()
                .map(step -> new Dependent(step.stepId(), step.kind().label(), step.occurredAt()))
                .toList();
    }

    private Optional<KnownStep> live(String id, LoopStep kind) {
        return steps.findById(id).filter(step -> step.kind() == kind && !step.retracted());
    }
}
