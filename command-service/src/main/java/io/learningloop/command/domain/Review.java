package io.learningloop.command.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.learningloop.command.commands.AmendReviewCommand;
import io.learningloop.command.commands.HoldReviewCommand;
import io.learningloop.command.commands.RetractReviewCommand;
import io.learningloop.command.commands.StepAccepted;
import io.learningloop.command.commands.Writer;
import io.learningloop.contract.LoopStep;
import io.learningloop.contract.events.ReviewHeldEvent;
import io.learningloop.contract.events.RootCause;
import io.learningloop.contract.events.StepAmendedEvent;
import io.learningloop.contract.events.StepRetractedEvent;
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
 * A review: it looks back at existing decisions, after they were made, with themed root causes. It can
 * be amended and retracted ({@link Corrections}).
 */
@Aggregate
class Review {

    @AggregateIdentifier
    private String reviewId;
    /** As first posted: a re-post of it is a repeat even after an amendment. */
    private final StepHistory<ReviewHeldEvent> review = new StepHistory<>();

    Review() {
        // Axon creates the aggregate empty, then replays its events or runs a creating handler.
    }

    /**
     * A command about this step needs a key that covers the step's org unit as recorded — to re-post it,
     * add to it, amend it (also to another unit) or retract it. A new step's unit is checked where it
     * is named, before the command is sent (StepSender).
     */
    @CommandHandlerInterceptor
    Object writableByTheKey(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        Writer.requireCovers(command.getMetaData(), review.orgUnit());
        return chain.proceed();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    StepAccepted handle(HoldReviewCommand command, LoopReferences references, RootCauseThemes themes) {
        if (review.exists()) {
            return review.repeatOfStep(reading -> command.toEvent(Repeats.stampOf(reading.step())))
                    .orElseThrow(() -> new ConflictingStepException(
                            "review '" + command.reviewId() + "' was already recorded with other content"));
        }
        Repeats.requireUnused(references, command.reviewId(), LoopStep.REVIEW);
        requireValid(command, references, themes);
        ReviewHeldEvent event = command.toEvent(command.stamp());
        apply(event);
        return StepAccepted.recorded(reviewId, event.eventId());
    }

    /** The review as it should have been recorded: its decisions stay; it cannot move after its actions or lessons. */
    @CommandHandler
    StepAccepted handle(AmendReviewCommand command, LoopReferences references, RootCauseThemes themes) {
        var repeat = review.repeatOfAmendment(
                reading -> command.correction().toEvent(Repeats.stampOf(reading.step())), command.by());
        if (repeat.isPresent()) {
            return repeat.get();
        }
        Corrections.requireLive(review.retraction(), LoopStep.REVIEW, reviewId);
        ReviewHeldEvent correction = command.correction().toEvent(Repeats.stampOf(review.current()));
        Corrections.requireUnchanged("decisionIds", review.current().decisionIds(), correction.decisionIds());
        requireValid(command.correction(), references, themes);
        Corrections.requireNotAfterDependents(references, reviewId, correction.occurredAt(), LoopStep.REVIEW);
        return Corrections.amend(correction, command.by());
    }

    @CommandHandler
    StepAccepted handle(RetractReviewCommand command, LoopReferences references) {
        return Corrections.retract(review, command.by(), references, LoopStep.REVIEW);
    }

    /** The rules of a review, for the review as posted and as amended. */
    private static void requireValid(HoldReviewCommand command, LoopReferences references, RootCauseThemes themes) {
        for (String decisionId : command.decisionIds()) {
            var decision = references
                    .decision(decisionId)
                    .orElseThrow(() -> new UnknownReferenceException("decisionIds", LoopStep.DECISION, decisionId));
            if (command.provenance().occurredAt().isBefore(decision.occurredAt())) {
                throw new LoopRuleViolationException(
                        "occurredAt",
                        "a review cannot look back at decision '" + decisionId + "' before it was made, at "
                                + decision.occurredAt());
            }
        }
        for (RootCause cause : command.rootCauses()) {
            if (!themes.contains(cause.theme())) {
                throw new LoopRuleViolationException(
                        "rootCauses",
                        "'" + cause.theme() + "' is not a root-cause theme; the vocabulary is " + themes.accepted());
            }
        }
    }

    @EventSourcingHandler
    void on(ReviewHeldEvent event) {
        reviewId = event.reviewId();
        review.posted(event, null);
    }

    @EventSourcingHandler
    void on(StepAmendedEvent event) {
        review.amended(event, (ReviewHeldEvent) event.correction(), null);
    }

    @EventSourcingHandler
    void on(StepRetractedEvent event) {
        review.retracted(event);
    }
}
