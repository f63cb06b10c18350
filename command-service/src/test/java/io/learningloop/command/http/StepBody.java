package io.learningloop.command.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A request body built from a valid one with some fields changed: {@code StepBody.of(valid).with("title", "")}. */
final class StepBody {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ObjectNode fields;

    private StepBody(ObjectNode fields) {
        this.fields = fields;
    }

    static StepBody of(String validBody) {
        try {
            return new StepBody((ObjectNode) JSON.readTree(validBody));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(validBody, e);
        }
    }

    StepBody with(String field, String text) {
        fields.put(field, text);
        return this;
    }

    /** The field set to the JSON value given as text: an array, an object, a number. */
    StepBody withJson(String field, String value) {
        try {
            fields.set(field, JSON.readTree(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(value, e);
        }
        return this;
    }

    String json() {
        return fields.toString();
    }
}
