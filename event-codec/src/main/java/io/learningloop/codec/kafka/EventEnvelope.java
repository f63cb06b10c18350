package io.learningloop.codec.kafka;

import io.learningloop.contract.EventTypes;
import io.learningloop.contract.events.LoopEvent;
import io.learningloop.contract.events.StepAmendedEvent;

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

    /**
     * For a {@link StepAmendedEvent}, the corrected step as a projection applies it: the correction's own
     * type, with the amendment's sequence (so it wins over the original and every earlier amendment)
     * and position. Any other event is returned as it is.
     */
    public EventEnvelope correctedStep() {
        if (event instanceof StepAmendedEvent amended) {
            return new EventEnvelope(
                    amended.correction(),
                    EventTypes.name(amended.correction().getClass()),
                    amended.correctionRevision(),
                    aggregateSequence,
                    topic,
                    partition,
                    offset);
        }
        return this;
    }
}
