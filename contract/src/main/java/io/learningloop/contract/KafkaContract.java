package io.learningloop.contract;

/**
 * How events travel over Kafka: one topic, the aggregate id as record key (order per aggregate holds),
 * the event as JSON in the value, and these headers so a consumer can route without parsing the value.
 */
public final class KafkaContract {

    public static final String DEFAULT_TOPIC = "learning-loop.events.v1";

    public static final String HEADER_EVENT_ID = "event-id";
    public static final String HEADER_EVENT_TYPE = "event-type";
    public static final String HEADER_EVENT_REVISION = "event-revision";
    /** The position of the event in its aggregate's stream: newer state wins over older. */
    public static final String HEADER_AGGREGATE_SEQUENCE = "aggregate-sequence";
    /**
     * The public id of the API key whose request wrote the event (so the history says which tool wrote
     * what), or {@link events.LoopEvent#PLATFORM} for what the platform records itself (a missed check-in).
     * Events published before keys existed have no such header.
     */
    public static final String HEADER_WRITTEN_BY_KEY = "written-by-key";

    private KafkaContract() {}
}
