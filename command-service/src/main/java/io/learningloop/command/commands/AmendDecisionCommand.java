package io.learningloop.command.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Amend a decision: the decision as it should have been recorded; its references stay as they are. */
public record AmendDecisionCommand(
        @TargetAggregateIdentifier String decisionId, Correction by, MakeDecisionCommand correction) {}
