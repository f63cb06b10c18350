package io.learningloop.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import io.learningloop.codec.kafka.EventDecoder;
import io.learningloop.codec.kafka.UndecodableEventException;
import io.learningloop.problems.Problems;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

/**
 * The reasons {@code /actuator/deadletters} and health show are words: Elasticsearch's own reasons
 * without its error types, the decoder's words, a projection's message; every Java class name and
 * error type goes to the log's detail only. Elasticsearch's errors are read from its JSON by the client.
 */
class ParkReasonsTest {

    private final JsonpMapper mapper = new JacksonJsonpMapper();

    /** As Elasticsearch 8.19 answers a bulk item whose date its mapping cannot hold. */
    static final String DATE_REFUSED = """
            {"type": "document_parsing_exception",
             "reason": "[1:95] failed to parse field [reviewBy] of type [date] in document with id 'dec-1'. Preview of field's value: '+999999999-12-31'",
             "caused_by": {"type": "illegal_argument_exception",
                           "reason": "failed to parse date field [+999999999-12-31] with format [strict_date_optional_time||epoch_millis]",
                           "caused_by": {"type": "date_time_parse_exception",
                                         "reason": "Failed to parse with all enclosed parsers"}}}
            """;

    @Test
    void anElasticsearchRefusalShowsItsReasonsAndLogsItsTypes() {
        Parked.Reason reason = ParkReasons.elasticsearchRefused("dec-1", error(DATE_REFUSED));

        assertThat(reason.shown())
                .isEqualTo("Elasticsearch refused document dec-1: [1:95] failed to parse field [reviewBy] of type"
                        + " [date] in document with id 'dec-1'. Preview of field's value: '+999999999-12-31'; failed"
                        + " to parse date field [+999999999-12-31] with format [strict_date_optional_time||epoch_millis];"
                        + " Failed to parse with all enclosed parsers");
        assertThat(reason.shown()).doesNotContain("exception");
        assertThat(reason.detail())
                .isEqualTo("document_parsing_exception: [1:95] failed to parse field [reviewBy] of type [date] in"
                        + " document with id 'dec-1'. Preview of field's value: '+999999999-12-31'; caused by"
                        + " illegal_argument_exception: failed to parse date field [+999999999-12-31] with format"
                        + " [strict_date_optional_time||epoch_millis]; caused by date_time_parse_exception: Failed to"
                        + " parse with all enclosed parsers");
    }

    @Test
    void anElasticsearchReasonThatNamesAJavaClassIsLeftToTheLog() {
        Parked.Reason reason = ParkReasons.elasticsearchRefused("dec-1", error("""
                {"type": "mapper_parsing_exception", "reason": "failed to parse field [confidence] of type [float]",
                 "caused_by": {"type": "number_format_exception",
                               "reason": "java.lang.NumberFormatException: For input string: \\"high\\""}}
                """));

        assertThat(reason.shown())
                .isEqualTo("Elasticsearch refused document dec-1: failed to parse field [confidence] of type [float]");
        assertThat(reason.detail()).contains("java.lang.NumberFormatException", "number_format_exception");
    }

    @Test
    void anElasticsearchRefusalWithoutAReasonInWordsSaysWhereTheDetailIs() {
        Parked.Reason reason = ParkReasons.elasticsearchRefused("dec-1", error("""
                {"type": "illegal_argument_exception", "reason": "java.lang.IllegalStateException: boom"}
                """));

        assertThat(reason.shown())
                .isEqualTo("Elasticsearch refused document dec-1: the document does not fit its index (the log has"
                        + " the detail)");
    }

    @Test
    void aRecordThatIsNoEventSaysWhatItIsNot() {
        UndecodableEventException undecodable = catchThrowableOfType(
                UndecodableEventException.class, () -> new EventDecoder().decode(record("DecisionMade", """
                        {"eventId": "e-1", "decisionId": "d-1", "reviewBy": "next spring"}
                        """)));

        Parked.Reason reason = ParkReasons.undecodable(undecodable);

        assertThat(reason.shown())
                .isEqualTo("the record is not a Learning Loop event: value is not a valid DecisionMade: field reviewBy"
                        + " cannot be read from 'next spring'");
        assertThat(reason.detail()).contains("events-1@42", "java.time.LocalDate");
    }

    @Test
    void aProjectionsOwnMessageIsShown() {
        Parked.Reason reason = ParkReasons.projectionFailed(
                "loops", "dec-1", new IllegalStateException("an outcome cannot come before its decision"));

        assertThat(reason.shown())
                .isEqualTo("the loops projection cannot apply the event to document dec-1: an outcome cannot come"
                        + " before its decision");
        assertThat(reason.detail())
                .isEqualTo("java.lang.IllegalStateException: an outcome cannot come before its decision");
    }

    @Test
    void aProjectionFailureThatOnlyJavaCanReadIsLeftToTheLog() {
        var castFailure = new ClassCastException("class java.lang.String cannot be cast to class java.lang.Integer");

        assertThat(ParkReasons.projectionFailed("loops", "dec-1", castFailure).shown())
                .isEqualTo("the loops projection cannot apply the event to document dec-1 (the log has the detail)");
        assertThat(ParkReasons.projectionFailed("loops", "dec-1", new NullPointerException())
                        .shown())
                .isEqualTo("the loops projection cannot apply the event to document dec-1 (the log has the detail)");
        Parked.Reason noIds = ParkReasons.noDocumentIds(
                "lessons", new RuntimeException("outer", new IllegalArgumentException("no lesson id")));
        assertThat(noIds.shown())
                .isEqualTo("the lessons projection cannot tell which documents the event changes: outer");
        assertThat(noIds.detail())
                .isEqualTo("java.lang.RuntimeException: outer; caused by java.lang.IllegalArgumentException: no"
                        + " lesson id");
        assertThat(Problems.namesAClass(noIds.shown())).isFalse();
    }

    private ErrorCause error(String json) {
        return ErrorCause._DESERIALIZER.deserialize(mapper.jsonProvider().createParser(new StringReader(json)), mapper);
    }

    private static ConsumerRecord<String, byte[]> record(String type, String json) {
        ConsumerRecord<String, byte[]> record =
                new ConsumerRecord<>("events", 1, 42L, "d-1", json.getBytes(StandardCharsets.UTF_8));
        record.headers().add(new RecordHeader("event-id", "e-1".getBytes(StandardCharsets.UTF_8)));
        record.headers().add(new RecordHeader("event-type", type.getBytes(StandardCharsets.UTF_8)));
        record.headers().add(new RecordHeader("event-revision", "2".getBytes(StandardCharsets.UTF_8)));
        record.headers().add(new RecordHeader("aggregate-sequence", "0".getBytes(StandardCharsets.UTF_8)));
        return record;
    }
}
