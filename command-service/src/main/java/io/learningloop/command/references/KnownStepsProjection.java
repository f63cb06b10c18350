package io.learningloop.command.references;

import io.learningloop.command.domain.LoopReferences;
import io.learningloop.contract.events.ActionAssignedEvent;
import io.learningloop.contract.events.BehaviorChangedEvent;
import io.learningloop.contract.events.DecisionMadeEvent;
import io.learningloop.contract.events.LessonRecordedEvent;
import io.learningloop.contract.events.ReviewHeldEvent;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code known_step} in step with the event store. Its processing group is subscribing and
 * propagates errors (see {@code AxonConfiguration}): a failed insert rolls the command back.
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
        steps.save(new KnownStep(event.decisionId(), "decision", event.occurredAt(), List.of()));
    }

    @EventHandler
    void on(LessonRecordedEvent event) {
        steps.save(new KnownStep(event.lessonId(), "lesson", event.occurredAt(), event.decisionIds()));
    }

    @EventHandler
    void on(ReviewHeldEvent event) {
        steps.save(new KnownStep(event.reviewId(), "review", event.occurredAt(), event.decisionIds()));
    }

    @EventHandler
    void on(ActionAssignedEvent event) {
        steps.save(new KnownStep(event.actionId(), "action", event.occurredAt(), event.decisionIds()));
    }

    @EventHandler
    void on(BehaviorChangedEvent event) {
        steps.save(new KnownStep(event.behaviorChangeId(), "behaviour change", event.occurredAt(), List.of()));
    }

    @Override
    public Optional<KnownDecision> decision(String decisionId) {
        return steps.findById(decisionId).filter(step -> step.kind().equals("decision"))
                .map(step -> new KnownDecision(step.stepId(), step.occurredAt()));
    }

    @Override
    public Optional<KnownLesson> lesson(String lessonId) {
        return steps.findById(lessonId).filter(step -> step.kind().equals("lesson"))
                .map(step -> new KnownLesson(step.stepId(), step.occurredAt(), step.decisionIds()));
    }

    @Override
    public Optional<KnownReview> review(String reviewId) {
        return steps.findById(reviewId).filter(step -> step.kind().equals("review"))
                .map(step -> new KnownReview(step.stepId(), step.occurredAt(), step.decisionIds()));
    }

    @Override
    public Optional<String> kindOf(String id) {
        return steps.findById(id).map(KnownStep::kind);
    }
}
