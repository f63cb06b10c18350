package io.learningloop.command.commands;

import io.learningloop.contract.events.ReviewHeldEvent;
import io.learningloop.contract.events.ReviewKind;
import io.learningloop.contract.events.RootCause;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record a review of one or more decisions and the root causes it found. */
public record HoldReviewCommand(
        @TargetAggregateIdentifier String reviewId,
        Stamp stamp,
        Provenance provenance,
        List<String> decisionIds,
        ReviewKind kind,
        List<RootCause> rootCauses,
        boolean facilitated,
        boolean blameless,
        int participantCount) {

    public HoldReviewCommand {
        decisionIds = List.copyOf(decisionIds);
        rootCauses = List.copyOf(rootCauses);
    }

    public ReviewHeldEvent toEvent(Stamp as) {
        return new ReviewHeldEvent(
                as.eventId(),
                reviewId,
                provenance.orgUnit(),
                provenance.occurredAt(),
                as.recordedAt(),
                provenance.sourceTool(),
                provenance.actor(),
                decisionIds,
                kind,
                rootCauses,
                facilitated,
                blameless,
                participantCount);
    }
}
