package io.learningloop.command.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Retract a behaviour change: its lessons count as unconverted again unless another change cites them. */
public record RetractBehaviorChangeCommand(
        @TargetAggregateIdentifier String behaviorChangeId, Correction by) {}
