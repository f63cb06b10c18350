package io.learningloop.command.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Retract a decision, with its outcome and check-ins; refused while other steps build on it. */
public record RetractDecisionCommand(
        @TargetAggregateIdentifier String decisionId, Correction by) {}
