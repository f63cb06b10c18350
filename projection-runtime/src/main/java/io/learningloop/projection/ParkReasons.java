package io.learningloop.projection;

import co.elastic.clients.elasticsearch._types.ErrorCause;
import io.learningloop.codec.kafka.UndecodableEventException;
import io.learningloop.problems.Problems;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Why a record is parked, twice: in words for the operator who reads {@code /actuator/deadletters} and
 * health (what went wrong, never a Java class name or an error type), and whole for the log (exception
 * types, Elasticsearch's error types and every cause), which the runner writes with the record's
 * position and event id so the two can be matched.
 */
final class ParkReasons {

    private static final String SEE_LOG = " (the log has the detail)";
    private static final Logger log = LoggerFactory.getLogger(ParkReasons.class);

    private ParkReasons() {}

    /**
     * The log line of a parked record: its position on the topic and projection (as the dead-letters
     * listing shows them, so an operator finds the line from the entry), the reason shown, and the detail.
     */
    static void log(Parked entry, String state) {
        log.atError()
                .setMessage("{} {} {}-{}@{} ({}): {} [detail: {}]")
                .addArgument(entry.projection())
                .addArgument(state)
                .addArgument(entry.topic())
                .addArgument(entry.partition())
                .addArgument(entry.offset())
                .addArgument(entry.kind().wireName())
                .addArgument(entry.reason())
                .addArgument(entry.detail())
                .addKeyValue("projection", entry.projection())
                .addKeyValue("topic", entry.topic())
                .addKeyValue("partition", entry.partition())
                .addKeyValue("offset", entry.offset())
                .addKeyValue("parkReason", entry.kind().wireName())
                .log();
    }

    static Parked.Reason undecodable(UndecodableEventException e) {
        return new Parked.Reason("the record is not a Learning Loop event: " + e.reason(), chain(e));
    }

    static Parked.Reason projectionFailed(String projection, String documentId, RuntimeException e) {
        return new Parked.Reason(
                "the " + projection + " projection cannot apply the event to document " + documentId + said(e),
                chain(e));
    }

    static Parked.Reason noDocumentIds(String projection, RuntimeException e) {
        return new Parked.Reason(
                "the " + projection + " projection cannot tell which documents the event changes" + said(e), chain(e));
    }

    /** Elasticsearch's own reasons (the refusal, then its causes), without its error types. */
    static Parked.Reason elasticsearchRefused(String documentId, ErrorCause error) {
        List<String> reasons = new ArrayList<>();
        List<String> detail = new ArrayList<>();
        for (ErrorCause cause = error; cause != null; cause = cause.causedBy()) {
            detail.add(cause.type() + ": " + cause.reason());
            if (cause.reason() != null && !cause.reason().isBlank() && !Problems.namesAClass(cause.reason())) {
                reasons.add(cause.reason());
            }
        }
        String words = reasons.isEmpty() ? "the document does not fit its index" + SEE_LOG : String.join("; ", reasons);
        return new Parked.Reason(
                "Elasticsearch refused document " + documentId + ": " + words, String.join("; caused by ", detail));
    }

    /** The exception's own message when it is words; else a pointer to the log. */
    private static String said(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() || Problems.namesAClass(message) ? SEE_LOG : ": " + message;
    }

    private static String chain(Throwable e) {
        List<String> links = new ArrayList<>();
        for (Throwable link = e; link != null && links.size() < 10; link = link.getCause()) {
            links.add(link.toString());
        }
        return String.join("; caused by ", links);
    }
}
