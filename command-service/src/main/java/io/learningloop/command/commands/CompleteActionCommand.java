package io.learningloop.command.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that an assigned action was done. The org unit is the action's. */
public record CompleteActionCommand(
        @TargetAggregateIdentifier String actionId,
        Stamp stamp,
        Provenance provenance,
        String note) {
}
