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

    private KafkaContract() {}
}
