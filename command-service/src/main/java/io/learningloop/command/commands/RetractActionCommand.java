package io.learningloop.command.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Retract an action, with its completion, drop or overdue record. */
public record RetractActionCommand(
        @TargetAggregateIdentifier String actionId, Correction by) {}
