package io.learningloop.projection;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.learningloop.codec.kafka.EventDecoder;
import io.learningloop.codec.kafka.EventEnvelope;
import io.learningloop.codec.kafka.UndecodableEventException;
import io.learningloop.contract.KafkaContract;
import io.learningloop.readmodel.DeadLetterDocument;
import io.learningloop.readmodel.ParkReason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The records this service's projections parked, in the dead-letters index (decision 0008): parked
 * with the whole Kafka record and the reason, listed for an operator, and re-driven through their
 * projection after a fix. A record is parked at most once per projection (the document id is its
 * position on the topic), whatever the redeliveries and replays.
 */
public final class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final ElasticsearchClient client;
    private final String index;
    private final Map<String, DocumentProjection<?>> projections;
    private final DocumentWriter writer;
    private final EventDecoder decoder = new EventDecoder();
    private final Clock clock;
    private volatile Summary known = new Summary(0, Optional.empty());

    public DeadLetters(
            ElasticsearchClient client,
            String index,
            Collection<DocumentProjection<?>> projections,
            DocumentWriter writer,
            Clock clock) {
        this.client = client;
        this.index = index;
        this.projections = projections.stream().collect(Collectors.toMap(DocumentProjection::name, p -> p));
        this.writer = writer;
        this.clock = clock;
    }

    /** How many records are parked, and the latest of them. */
    public record Summary(long count, Optional<DeadLetterDocument> latest) {}

    /** What a re-drive did: records now projected, and those still parked (with a fresh reason). */
    public record Redrive(int redriven, int stillParked) {}

    /**
     * Parks the records (found by their position among {@code records}); returns those parked now, not
     * those a previous delivery parked already. Throws when Elasticsearch does not take them: the
     * runner then retries the batch, so a record is never both skipped and not parked.
     */
    public List<Parked> park(List<Parked> parked, Collection<ConsumerRecord<String, byte[]>> records)
            throws IOException {
        if (parked.isEmpty()) {
            return List.of();
        }
        Map<String, ConsumerRecord<String, byte[]>> byPosition = records.stream()
                .collect(Collectors.toMap(
                        record -> position(record.topic(), record.partition(), record.offset()),
                        record -> record,
                        (first, second) -> first));
        Instant now = clock.instant();
        // Visible to the search of summary() right away: parking is rare, and health shows it at once.
        BulkRequest.Builder bulk = new BulkRequest.Builder().refresh(Refresh.WaitFor);
        for (Parked entry : parked) {
            ConsumerRecord<String, byte[]> record =
                    byPosition.get(position(entry.topic(), entry.partition(), entry.offset()));
            DeadLetterDocument document = document(entry, record, now);
            bulk.operations(op ->
                    op.create(create -> create.index(index).id(document.id()).document(document)));
        }
        List<BulkResponseItem> items = client.bulk(bulk.build()).items();
        List<Parked> parkedNow = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            BulkResponseItem item = items.get(i);
            if (item.error() == null) {
                parkedNow.add(parked.get(i));
            } else if (item.status() != 409) { // 409: parked by an earlier delivery of the same record
                throw new IOException("cannot park " + item.id() + ": "
                        + item.error().type() + " " + item.error().reason());
            }
        }
        if (!parkedNow.isEmpty()) {
            refreshSummary();
        }
        return parkedNow;
    }

    /** Counts the parked records (and remembers the answer for {@link #knownSummary()}). */
    public Summary summary() throws IOException {
        SearchResponse<DeadLetterDocument> response = search(1);
        long count =
                response.hits().total() == null ? 0 : response.hits().total().value();
        known = new Summary(count, response.hits().hits().stream().findFirst().map(Hit::source));
        return known;
    }

    /**
     * The summary as of the last park, re-drive or start, without asking Elasticsearch: health answers
     * from it, so that it never waits on an Elasticsearch that hangs.
     */
    public Summary knownSummary() {
        return known;
    }

    /** Best effort: a failed count leaves the previous one, the next park or re-drive counts again. */
    void refreshSummary() {
        try {
            summary();
        } catch (IOException | RuntimeException e) {
            log.warn("cannot count the parked records in {}: {}", index, e.toString());
        }
    }

    /** The latest parked records, newest first. */
    public List<DeadLetterDocument> list(int max) throws IOException {
        return search(max).hits().hits().stream().map(Hit::source).toList();
    }

    /**
     * Applies the parked records again through their projection, oldest first: each one written is
     * removed, each one still refused stays with the new reason. A transient failure throws and
     * leaves everything parked (re-driving again is safe: projections are idempotent).
     */
    public Redrive redrive(int max) throws IOException {
        List<DeadLetterDocument> entries = new ArrayList<>(list(max));
        Collections.reverse(entries);
        int redriven = 0;
        int stillParked = 0;
        for (DeadLetterDocument entry : entries) {
            Optional<String> stillRefused = reapply(entry);
            if (stillRefused.isEmpty()) {
                client.delete(delete -> delete.index(index).id(entry.id()).refresh(Refresh.WaitFor));
                redriven++;
            } else {
                stillParked++;
            }
        }
        refreshSummary();
        return new Redrive(redriven, stillParked);
    }

    /** Empty when the record is now projected; else the reason it is still parked (stored with it). */
    private Optional<String> reapply(DeadLetterDocument entry) throws IOException {
        DocumentProjection<?> projection = projections.get(entry.projection());
        EventEnvelope event;
        try {
            event = decoder.decode(toRecord(entry));
        } catch (UndecodableEventException e) {
            Parked.Reason reason = ParkReasons.undecodable(e);
            ParkReasons.log(
                    new Parked(
                            entry.projection(),
                            entry.topic(),
                            entry.partition(),
                            entry.offset(),
                            ParkReason.UNDECODABLE,
                            reason),
                    "still parked after a re-drive");
            return keep(entry, ParkReason.UNDECODABLE, reason.shown());
        }
        List<Parked> refused = writer.write(projection, List.of(event)).parked();
        if (refused.isEmpty()) {
            return Optional.empty();
        }
        ParkReasons.log(refused.get(0), "still parked after a re-drive");
        return keep(entry, refused.get(0).kind(), refused.get(0).reason());
    }

    private Optional<String> keep(DeadLetterDocument entry, ParkReason kind, String reason) throws IOException {
        DeadLetterDocument updated = new DeadLetterDocument(
                entry.projection(),
                kind,
                reason,
                entry.parkedAt(),
                entry.topic(),
                entry.partition(),
                entry.offset(),
                entry.key(),
                entry.eventId(),
                entry.eventType(),
                entry.headers(),
                entry.valueBase64());
        client.index(
                write -> write.index(index).id(entry.id()).document(updated).refresh(Refresh.WaitFor));
        return Optional.of(reason);
    }

    private SearchResponse<DeadLetterDocument> search(int size) throws IOException {
        List<FieldValue> names =
                projections.keySet().stream().map(FieldValue::of).toList();
        return client.search(
                search -> search.index(index)
                        .query(query -> query.terms(terms ->
                                terms.field(DeadLetterDocument.PROJECTION).terms(values -> values.value(names))))
                        .sort(sort -> sort.field(field ->
                                field.field(DeadLetterDocument.PARKED_AT).order(SortOrder.Desc)))
                        .size(size)
                        .trackTotalHits(total -> total.enabled(true)),
                DeadLetterDocument.class);
    }

    private static DeadLetterDocument document(Parked entry, ConsumerRecord<String, byte[]> record, Instant now) {
        Base64.Encoder base64 = Base64.getEncoder();
        List<DeadLetterDocument.Header> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            headers.add(new DeadLetterDocument.Header(
                    header.key(), header.value() == null ? null : base64.encodeToString(header.value())));
        }
        return new DeadLetterDocument(
                entry.projection(),
                entry.kind(),
                entry.reason(),
                now,
                entry.topic(),
                entry.partition(),
                entry.offset(),
                record.key(),
                header(record, KafkaContract.HEADER_EVENT_ID),
                header(record, KafkaContract.HEADER_EVENT_TYPE),
                headers,
                record.value() == null ? null : base64.encodeToString(record.value()));
    }

    /** The Kafka record as it was on the topic, for the decoder. */
    private static ConsumerRecord<String, byte[]> toRecord(DeadLetterDocument entry) {
        Function<String, byte[]> bytes =
                value -> value == null ? null : Base64.getDecoder().decode(value);
        RecordHeaders headers = new RecordHeaders();
        for (DeadLetterDocument.Header header : entry.headers()) {
            headers.add(new RecordHeader(header.name(), bytes.apply(header.valueBase64())));
        }
        return new ConsumerRecord<>(
                entry.topic(),
                entry.partition(),
                entry.offset(),
                ConsumerRecord.NO_TIMESTAMP,
                TimestampType.NO_TIMESTAMP_TYPE,
                ConsumerRecord.NULL_SIZE,
                ConsumerRecord.NULL_SIZE,
                entry.key(),
                bytes.apply(entry.valueBase64()),
                headers,
                Optional.empty());
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String position(String topic, int partition, long offset) {
        return topic + "-" + partition + "-" + offset;
    }
}
