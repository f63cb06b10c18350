package io.learningloop.command.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Amend the observed outcome of a decision: the outcome as it should have been recorded. */
public record AmendOutcomeCommand(
        @TargetAggregateIdentifier String decisionId, Correction by, ObserveOutcomeCommand correction) {}
