package io.learningloop.query.loops;

import io.learningloop.contract.events.DecisionMadeEvent;

/** The decision part: the loop's own fields and its planned check-ins, newest aggregate sequence wins. */
final class Decisions {

    private Decisions() {}

    static LoopParts made(LoopParts loop, DecisionMadeEvent made, long sequence) {
        if (loop.decisionSequence() != null && loop.decisionSequence() >= sequence) {
            return loop;
        }
        return loop.withDecision(LoopParts.Decision.of(made), sequence, CheckIns.planned(loop.checkIns(), made));
    }
}
