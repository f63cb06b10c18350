package io.learningloop.codec.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A record on the topic that is not an event of the contract: skipped, logged and counted. */
public class UndecodableEventException extends Exception {

    public UndecodableEventException(ConsumerRecord<?, ?> record, String reason) {
        super(record.topic() + "-" + record.partition() + "@" + record.offset() + ": " + reason);
    }
}
