package io.learningloop.command.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.learningloop.command.commands.StepAccepted;
import java.io.IOException;
import org.springframework.http.HttpStatus;

/**
 * The answer to an accepted step: {@code {"decisionId": ..., "eventId": ..., "alreadyRecorded": ...}}.
 * The id goes under its kind's id field ({@code lessonId} for a lesson, its share, amendment or
 * retraction), so it is written by hand; the OpenAPI document names one schema per id field.
 */
@JsonSerialize(using = StepAnswer.Writer.class)
record StepAnswer(String idField, String id, String eventId, boolean alreadyRecorded) {

    static StepAnswer of(StepKind<?> kind, StepAccepted accepted) {
        return new StepAnswer(kind.idField(), accepted.id(), accepted.eventId(), accepted.alreadyRecorded());
    }

    /** 201 for a new step; 200 for the very same step posted again, which stored nothing. */
    HttpStatus status() {
        return alreadyRecorded ? HttpStatus.OK : HttpStatus.CREATED;
    }

    static final class Writer extends StdSerializer<StepAnswer> {

        Writer() {
            super(StepAnswer.class);
        }

        @Override
        public void serialize(StepAnswer answer, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeStartObject();
            out.writeStringField(answer.idField(), answer.id());
            out.writeStringField("eventId", answer.eventId());
            out.writeBooleanField("alreadyRecorded", answer.alreadyRecorded());
            out.writeEndObject();
        }
    }
}
