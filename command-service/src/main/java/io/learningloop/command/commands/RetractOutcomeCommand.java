package io.learningloop.command.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Retract the observed outcome of a decision: the decision has no outcome again, and may get the real one. */
public record RetractOutcomeCommand(
        @TargetAggregateIdentifier String decisionId, Correction by) {}
