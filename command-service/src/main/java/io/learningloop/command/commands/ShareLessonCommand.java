package io.learningloop.command.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that a lesson was shared with another org unit. The event carries the lesson's own unit. */
public record ShareLessonCommand(
        @TargetAggregateIdentifier String lessonId, Stamp stamp, Provenance provenance, String sharedWithOrgUnit) {}
