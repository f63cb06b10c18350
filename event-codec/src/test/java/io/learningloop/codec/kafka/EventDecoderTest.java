package io.learningloop.codec.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learningloop.contract.events.DecisionMadeEvent;
import io.learningloop.contract.events.OutcomeObservedEvent;
import io.learningloop.contract.events.ReportedBy;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

/** Records of older revisions stay on the topic forever; a replay must still read them. */
class EventDecoderTest {

    private final EventDecoder decoder = new EventDecoder();

    @Test
    void decisionPublishedAsRevisionOneIsReadAsTheCurrentRevision() throws Exception {
        EventEnvelope envelope = decoder.decode(record("DecisionMade", "1", """
                {"eventId": "e-1", "decisionId": "d-1", "orgUnit": "acme/eng", "occurredAt": "2024-01-10T10:00:00Z",
                 "recordedAt": "2024-01-10T10:00:01Z", "sourceTool": "t", "actor": "u-1", "title": "T",
                 "category": "product", "expectedOutcome": "E", "confidence": 0.5, "reviewBy": "2024-06-01",
                 "informedByLessonIds": []}
                """));

        assertThat(envelope.revision()).isEqualTo("2");
        DecisionMadeEvent decision = (DecisionMadeEvent) envelope.event();
        assertThat(decision.checkInDates()).isEmpty();
        assertThat(decision.uncertainties()).isEmpty();
        assertThat(decision.title()).isEqualTo("T");
    }

    @Test
    void outcomePublishedAsRevisionOneHasAnUnknownReporter() throws Exception {
        EventEnvelope envelope = decoder.decode(record("OutcomeObserved", "1", """
                {"eventId": "e-2", "decisionId": "d-1", "orgUnit": "acme/eng", "occurredAt": "2024-02-10T10:00:00Z",
                 "recordedAt": "2024-02-10T10:00:01Z", "sourceTool": "t", "actor": "u-1",
                 "assessment": "failed", "summary": "S"}
                """));

        assertThat(((OutcomeObservedEvent) envelope.event()).reportedBy()).isEqualTo(ReportedBy.UNKNOWN);
    }

    @Test
    void revisionWithoutAnUpcastIsRefused() {
        assertThatThrownBy(() -> decoder.decode(record("DecisionMade", "7", "{}")))
                .isInstanceOf(UndecodableEventException.class)
                .hasMessageContaining("revision 7 is not supported");
    }

    /** A qualified Java name ({@code java.time.LocalDate}, the event's record class). */
    private static final java.util.regex.Pattern CLASS_NAME =
            java.util.regex.Pattern.compile("\\b[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+\\.[A-Z]\\w*");

    @Test
    void aValueThatCannotBeReadIsRefusedInWordsWithJacksonsAccountAsTheCause() {
        assertThatThrownBy(() -> decoder.decode(record("DecisionMade", "2", """
                        {"eventId": "e-1", "decisionId": "d-1", "orgUnit": "acme/eng",
                         "occurredAt": "2024-01-10T10:00:00Z", "recordedAt": "2024-01-10T10:00:01Z",
                         "sourceTool": "t", "actor": "u-1", "title": "T", "category": "product",
                         "expectedOutcome": "E", "confidence": 0.5, "reviewBy": "next spring"}
                        """)))
                .isInstanceOfSatisfying(UndecodableEventException.class, e -> {
                    assertThat(e.reason())
                            .isEqualTo("value is not a valid DecisionMade: field reviewBy cannot be read from"
                                    + " 'next spring'");
                    assertThat(e.getMessage()).isEqualTo("t-0@0: " + e.reason());
                    assertThat(e.getCause().getMessage()).contains("java.time.LocalDate");
                });
    }

    @Test
    void reasonsNameNoJavaType() {
        for (String json : java.util.List.of(
                "{\"eventId\": 7, \"decisionId\": {}}", "{\"confidence\": \"high\"}", "[1]", "{\"eventId\": tru}")) {
            assertThatThrownBy(() -> decoder.decode(record("DecisionMade", "2", json)))
                    .as(json)
                    .isInstanceOfSatisfying(
                            UndecodableEventException.class,
                            e -> assertThat(CLASS_NAME.matcher(e.getMessage()).find())
                                    .as(e.getMessage())
                                    .isFalse());
        }
    }

    private static ConsumerRecord<String, byte[]> record(String type, String revision, String json) {
        ConsumerRecord<String, byte[]> record =
                new ConsumerRecord<>("t", 0, 0L, "d-1", json.getBytes(StandardCharsets.UTF_8));
        record.headers().add(new RecordHeader("event-id", "e".getBytes(StandardCharsets.UTF_8)));
        record.headers().add(new RecordHeader("event-type", type.getBytes(StandardCharsets.UTF_8)));
        record.headers().add(new RecordHeader("event-revision", revision.getBytes(StandardCharsets.UTF_8)));
        record.headers().add(new RecordHeader("aggregate-sequence", "0".getBytes(StandardCharsets.UTF_8)));
        return record;
    }
}
