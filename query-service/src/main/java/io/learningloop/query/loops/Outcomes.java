package io.learningloop.query.loops;

import io.learningloop.contract.events.OutcomeObservedEvent;
import io.learningloop.readmodel.LoopDocument.Outcome;

/** The outcome part: newest aggregate sequence wins, and a retracted outcome read again stays out. */
final class Outcomes {

    private Outcomes() {}

    static LoopParts observed(LoopParts loop, OutcomeObservedEvent observed, long sequence) {
        Outcome current = loop.outcome();
        if (current != null && current.sequence() >= sequence || Corrections.retractedEvent(loop, observed.eventId())) {
            return loop;
        }
        return loop.withOutcome(new Outcome(
                observed.eventId(),
                observed.occurredAt(),
                observed.assessment(),
                observed.summary(),
                observed.orgUnit(),
                observed.reportedBy(),
                sequence));
    }
}
