package io.learningloop.codec.kafka;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.learningloop.codec.json.EventJson;
import io.learningloop.codec.json.EventUpcasts;
import io.learningloop.contract.EventTypes;
import io.learningloop.contract.KafkaContract;
import io.learningloop.contract.events.LoopEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Turns a Kafka record of the event topic back into the contract's record, by its headers. */
public final class EventDecoder {

    private final ObjectMapper json = EventJson.newMapper();

    public EventEnvelope decode(ConsumerRecord<String, byte[]> record) throws UndecodableEventException {
        String type = header(record, KafkaContract.HEADER_EVENT_TYPE);
        Class<? extends LoopEvent> eventClass = EventTypes.byName(type)
                .orElseThrow(() -> new UndecodableEventException(record, "unknown event type '" + type + "'"));
        String revision = header(record, KafkaContract.HEADER_EVENT_REVISION);
        long sequence = parseSequence(record, header(record, KafkaContract.HEADER_AGGREGATE_SEQUENCE));
        try {
            JsonNode value = json.readTree(record.value());
            if (!(value instanceof ObjectNode object)) {
                throw new UndecodableEventException(record, "value is not a JSON object");
            }
            // Records published under an older revision stay on the topic forever: read them as the current one.
            EventUpcasts.Upcast upcast = EventUpcasts.toLatest(type, revision, object);
            if (!EventTypes.revision(eventClass).equals(upcast.revision())) {
                throw new UndecodableEventException(record, type + " revision " + revision + " is not supported");
            }
            LoopEvent event = json.treeToValue(upcast.json(), eventClass);
            return new EventEnvelope(
                    event, type, upcast.revision(), sequence, record.topic(), record.partition(), record.offset());
        } catch (IOException | RuntimeException e) {
            throw new UndecodableEventException(record, "value is not a valid " + type + ": " + unreadable(e), e);
        }
    }

    /**
     * What Jackson could not read, in words: its messages name Java types ({@code java.time.LocalDate},
     * the event's record class), which belong in the log (the cause), not in a reason shown to people.
     */
    private static String unreadable(Exception e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(reference -> reference.getFieldName() != null
                            ? reference.getFieldName()
                            : "[" + reference.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
            if (mapping instanceof UnrecognizedPropertyException) {
                return "field " + field + " is not a field of this event";
            }
            if (mapping instanceof InvalidFormatException invalid) {
                return "field " + field + " cannot be read from '" + invalid.getValue() + "'";
            }
            return "field " + field + " cannot be read";
        }
        if (e instanceof JsonParseException parse) {
            return parse.getLocation() == null
                    ? "it is not JSON"
                    : "it is not JSON (at line " + parse.getLocation().getLineNr() + ", column "
                            + parse.getLocation().getColumnNr() + ")";
        }
        return "it does not have the event's shape";
    }

    private static String header(ConsumerRecord<?, ?> record, String name) throws UndecodableEventException {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            throw new UndecodableEventException(record, "missing header " + name);
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static long parseSequence(ConsumerRecord<?, ?> record, String value) throws UndecodableEventException {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new UndecodableEventException(record, "aggregate-sequence '" + value + "' is not a number");
        }
    }
}
