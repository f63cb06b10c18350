package io.learningloop.command.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Amend a lesson: the lesson as it should have been recorded; its decisions and reviews stay as they are. */
public record AmendLessonCommand(
        @TargetAggregateIdentifier String lessonId, Correction by, RecordLessonCommand correction) {}
