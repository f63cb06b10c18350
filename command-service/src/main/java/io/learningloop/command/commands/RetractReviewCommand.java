package io.learningloop.command.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Retract a review; refused while actions or lessons come from it. */
public record RetractReviewCommand(
        @TargetAggregateIdentifier String reviewId, Correction by) {}
