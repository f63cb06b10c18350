package io.learningloop.command.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Retract a lesson, with its sharing; refused while a decision or behaviour change cites it. */
public record RetractLessonCommand(
        @TargetAggregateIdentifier String lessonId, Correction by) {}
