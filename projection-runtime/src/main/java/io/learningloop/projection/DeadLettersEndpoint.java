package io.learningloop.projection;

import io.learningloop.readmodel.DeadLetterDocument;
import java.io.IOException;
import java.util.List;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@code /actuator/deadletters}: GET lists the records this service's projections parked (newest
 * first, with the reason and the whole Kafka record); POST re-drives them through their projection,
 * after the projection or the mapping was fixed: those written are removed, the others stay parked.
 */
@Endpoint(id = "deadletters")
public class DeadLettersEndpoint {

    /** At most this many records are listed or re-driven per call; call again for the next ones. */
    static final int PAGE = 100;

    private final DeadLetters deadLetters;

    public DeadLettersEndpoint(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    public record Listing(long count, List<DeadLetterDocument> records) {}

    @ReadOperation
    public Listing list() throws IOException {
        return new Listing(deadLetters.summary().count(), deadLetters.list(PAGE));
    }

    @WriteOperation
    public DeadLetters.Redrive redrive() throws IOException {
        return deadLetters.redrive(PAGE);
    }
}
