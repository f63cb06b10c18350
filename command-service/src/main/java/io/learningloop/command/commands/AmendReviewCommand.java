package io.learningloop.command.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Amend a review: the review as it should have been recorded; its decisions stay as they are. */
public record AmendReviewCommand(
        @TargetAggregateIdentifier String reviewId, Correction by, HoldReviewCommand correction) {}
