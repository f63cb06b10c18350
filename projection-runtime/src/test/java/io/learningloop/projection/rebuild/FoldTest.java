package io.learningloop.projection.rebuild;

import static io.learningloop.testsupport.SampleEvents.decision;
import static io.learningloop.testsupport.SampleEvents.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import io.learningloop.codec.kafka.EventEnvelope;
import io.learningloop.contract.events.DecisionCategory;
import io.learningloop.contract.events.LoopEvent;
import io.learningloop.contract.events.OutcomeObservedEvent;
import io.learningloop.projection.DocumentProjection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FoldTest {

    /** One document per decision: how many of its events it has seen; an outcome of "boom" throws. */
    record Seen(int events) {}

    static final class SeenProjection implements DocumentProjection<Seen> {
        @Override
        public String name() {
            return "seen";
        }

        @Override
        public String index() {
            return "seen";
        }

        @Override
        public Class<Seen> documentClass() {
            return Seen.class;
        }

        @Override
        public Collection<String> documentIds(EventEnvelope envelope) {
            return List.of(envelope.event().aggregateId());
        }

        @Override
        public Seen apply(String documentId, Seen current, EventEnvelope envelope) {
            if (envelope.event() instanceof OutcomeObservedEvent && documentId.equals("boom")) {
                throw new IllegalStateException("cannot project " + documentId);
            }
            return new Seen(current == null ? 1 : current.events() + 1);
        }
    }

    private long offset;

    @Test
    void aBatchWritesEachDocumentOnceWithAllItsEventsAndReadsNothingItNeverWrote() {
        Fold<Seen> fold = new Fold<>(new SeenProjection(), 10);
        List<Set<String>> fetched = new ArrayList<>();

        Map<String, Seen> changed = fold.apply(
                envelopes(decisionOf("a"), outcome("a", "acme", "2024-02-01T00:00:00Z"), decisionOf("b")), ids -> {
                    fetched.add(ids);
                    return Map.of();
                });

        assertThat(changed).containsExactly(Map.entry("a", new Seen(2)), Map.entry("b", new Seen(1)));
        assertThat(fetched)
                .as("documents the rebuild never wrote do not exist: nothing to read")
                .isEmpty();
    }

    @Test
    void aDocumentThatLeftTheCacheIsReadBackOnceAndTheLatestStateKept() {
        Fold<Seen> fold = new Fold<>(new SeenProjection(), 1);
        fold.apply(envelopes(decisionOf("a")), ids -> Map.of());
        fold.apply(envelopes(decisionOf("b")), ids -> Map.of()); // evicts a
        List<Set<String>> fetched = new ArrayList<>();

        Map<String, Seen> changed = fold.apply(envelopes(outcome("a", "acme", "2024-02-01T00:00:00Z")), ids -> {
            fetched.add(ids);
            return Map.of("a", new Seen(1));
        });

        assertThat(fetched).containsExactly(Set.of("a"));
        assertThat(changed).containsExactly(Map.entry("a", new Seen(2)));
    }

    @Test
    void anEventTheProjectionThrowsOnIsSkippedAndCountedAndTheRestApplied() {
        Fold<Seen> fold = new Fold<>(new SeenProjection(), 10);

        Map<String, Seen> changed = fold.apply(
                envelopes(decisionOf("boom"), outcome("boom", "acme", "2024-02-01T00:00:00Z"), decisionOf("c")),
                ids -> Map.of());

        assertThat(changed).containsExactly(Map.entry("boom", new Seen(1)), Map.entry("c", new Seen(1)));
        assertThat(fold.skipped()).isEqualTo(1);
    }

    private static LoopEvent decisionOf(String id) {
        return decision(id, "acme", DecisionCategory.OTHER, "2024-01-01T00:00:00Z");
    }

    private List<EventEnvelope> envelopes(LoopEvent... events) {
        List<EventEnvelope> envelopes = new ArrayList<>();
        for (LoopEvent event : events) {
            envelopes.add(new EventEnvelope(event, "t", "1", 0, "topic", 0, offset++));
        }
        return envelopes;
    }
}
