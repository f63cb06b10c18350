package io.learningloop.command.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Amend an action: the assignment as it should have been recorded; its review stays as it is. */
public record AmendActionCommand(
        @TargetAggregateIdentifier String actionId, Correction by, AssignActionCommand correction) {}
