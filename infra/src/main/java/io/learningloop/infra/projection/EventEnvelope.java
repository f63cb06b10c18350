package io.learningloop.infra.projection;

import io.learningloop.contract.events.LoopEvent;

/** An event as it arrived from Kafka: the event itself plus where it sits in its streams. */
public record EventEnvelope(
        LoopEvent event,
        String type,
        String revision,
        long aggregateSequence,
        String topic,
        int partition,
        long offset) {

    public String eventId() {
        return event.eventId();
    }
}
