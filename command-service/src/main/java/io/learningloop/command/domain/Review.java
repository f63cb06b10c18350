package io.learningloop.command.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.learningloop.command.commands.HoldReviewCommand;
import io.learningloop.command.commands.StepAccepted;
import io.learningloop.contract.events.ReviewHeldEvent;
import io.learningloop.contract.events.RootCause;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** A review: it looks back at existing decisions, after they were made, with themed root causes. */
@Aggregate
class Review {

    @AggregateIdentifier
    private String reviewId;
    private ReviewHeldEvent held;

    Review() {
        // Axon creates the aggregate empty, then replays its events or runs a creating handler.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    StepAccepted handle(HoldReviewCommand command, LoopReferences references, RootCauseThemes themes) {
        if (held != null) {
            return Repeats.sameOrConflict(held, command.toEvent(Repeats.stampOf(held)),
                    "review '" + command.reviewId() + "' was already recorded with other content");
        }
        Repeats.requireUnused(references, command.reviewId(), "review");
        for (String decisionId : command.decisionIds()) {
            var decision = references.decision(decisionId)
                    .orElseThrow(() -> new UnknownReferenceException("decisionIds", "decision", decisionId));
            if (command.provenance().occurredAt().isBefore(decision.occurredAt())) {
                throw new LoopRuleViolationException("occurredAt", "a review cannot look back at decision '"
                        + decisionId + "' before it was made, at " + decision.occurredAt());
            }
        }
        for (RootCause cause : command.rootCauses()) {
            if (!themes.contains(cause.theme())) {
                throw new LoopRuleViolationException("rootCauses", "'" + cause.theme()
                        + "' is not a root-cause theme; the vocabulary is " + themes.accepted());
            }
        }
        ReviewHeldEvent event = command.toEvent(command.stamp());
        apply(event);
        return StepAccepted.recorded(reviewId, event.eventId());
    }

    @EventSourcingHandler
    void on(ReviewHeldEvent event) {
        reviewId = event.reviewId();
        held = event;
    }
}
