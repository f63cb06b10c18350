package io.learningloop.command.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Amend a behaviour change: as it should have been recorded; its lessons and decision stay as they are. */
public record AmendBehaviorChangeCommand(
        @TargetAggregateIdentifier String behaviorChangeId, Correction by, RecordBehaviorChangeCommand correction) {}
