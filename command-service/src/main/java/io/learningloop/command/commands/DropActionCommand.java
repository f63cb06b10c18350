package io.learningloop.command.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that an assigned action was dropped on purpose, and why. The org unit is the action's. */
public record DropActionCommand(
        @TargetAggregateIdentifier String actionId,
        Stamp stamp,
        Provenance provenance,
        String reason) {
}
