package io.learningloop.codec.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A record on the topic that is not an event of the contract: skipped, logged and counted. Its
 * {@link #reason()} says why in words, for people (never a Java type); the cause, when there is one,
 * keeps the parser's own account for the log.
 */
public class UndecodableEventException extends Exception {

    private final String reason;

    public UndecodableEventException(ConsumerRecord<?, ?> record, String reason) {
        this(record, reason, null);
    }

    public UndecodableEventException(ConsumerRecord<?, ?> record, String reason, Throwable cause) {
        super(record.topic() + "-" + record.partition() + "@" + record.offset() + ": " + reason, cause);
        this.reason = reason;
    }

    /** Why the record is no event, without its position on the topic. */
    public String reason() {
        return reason;
    }
}
