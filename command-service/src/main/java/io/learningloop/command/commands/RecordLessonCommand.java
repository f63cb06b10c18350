package io.learningloop.command.commands;

import io.learningloop.contract.events.ExtractionPractice;
import io.learningloop.contract.events.LessonRecordedEvent;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record a lesson drawn from decisions and/or reviews of them. */
public record RecordLessonCommand(
        @TargetAggregateIdentifier String lessonId,
        Stamp stamp,
        Provenance provenance,
        List<String> decisionIds,
        String lesson,
        String thinkingChange,
        List<String> reviewIds,
        List<String> themes,
        ExtractionPractice extractionPractice) {

    public RecordLessonCommand {
        decisionIds = List.copyOf(decisionIds);
        reviewIds = List.copyOf(reviewIds);
        themes = List.copyOf(themes);
    }

    /** @param allDecisionIds the decisions given plus those of the reviews, as the aggregate resolved them */
    public LessonRecordedEvent toEvent(Stamp as, List<String> allDecisionIds) {
        return new LessonRecordedEvent(
                as.eventId(),
                lessonId,
                provenance.orgUnit(),
                provenance.occurredAt(),
                as.recordedAt(),
                provenance.sourceTool(),
                provenance.actor(),
                allDecisionIds,
                lesson,
                thinkingChange,
                reviewIds,
                themes,
                extractionPractice);
    }
}
