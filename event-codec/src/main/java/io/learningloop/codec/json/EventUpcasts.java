package io.learningloop.codec.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * How an event of an older revision becomes the next revision, as JSON. The command side applies these
 * to stored events (Axon upcasters) and consumers to Kafka records, so both read history the same way
 * and a replay of the topic from its start still understands revision-1 records.
 */
public final class EventUpcasts {

    /** One step: from {@code revision} of {@code type} to the revision after it. */
    public record Step(String type, String revision) {}

    private record Change(String toRevision, UnaryOperator<ObjectNode> change) {}

    private static final Map<Step, Change> STEPS = Map.of(
            // Revision 2 added planned check-ins, their leading indicators and stated uncertainties.
            new Step("DecisionMade", "1"),
                    new Change("2", json -> {
                        json.putArray("checkInDates");
                        json.putArray("leadingIndicators");
                        json.putArray("uncertainties");
                        return json;
                    }),
            // Revision 2 added who reported the outcome; older outcomes do not say.
            new Step("OutcomeObserved", "1"), new Change("2", json -> json.put("reportedBy", "unknown")),
            // Revision 2 added the reviews a lesson came from, its themes and how it was drawn out.
            new Step("LessonRecorded", "1"),
                    new Change("2", json -> {
                        json.putArray("reviewIds");
                        json.putArray("themes");
                        json.put("extractionPractice", "unknown");
                        return json;
                    }));

    private EventUpcasts() {}

    /** The upcast JSON and its revision; unchanged when there is no step from {@code revision}. */
    public record Upcast(String revision, ObjectNode json) {}

    /** Applies every step from {@code revision} on, in place. */
    public static Upcast toLatest(String type, String revision, ObjectNode json) {
        String current = revision;
        ObjectNode node = json;
        for (Change change = STEPS.get(new Step(type, current));
                change != null;
                change = STEPS.get(new Step(type, current))) {
            node = change.change().apply(node);
            current = change.toRevision();
        }
        return new Upcast(current, node);
    }

    /** True when a step exists from this revision of this type. */
    public static boolean canUpcast(String type, String revision) {
        return STEPS.containsKey(new Step(type, revision));
    }

    /** The revision the step from {@code revision} leads to. */
    public static String nextRevision(String type, String revision) {
        Change change = STEPS.get(new Step(type, revision));
        if (change == null) {
            throw new IllegalArgumentException("no upcast from " + type + " revision " + revision);
        }
        return change.toRevision();
    }

    /** The one change from this revision to the next, for upcasters that go step by step. */
    public static Upcast oneStep(String type, String revision, ObjectNode json) {
        Change change = STEPS.get(new Step(type, revision));
        if (change == null) {
            throw new IllegalArgumentException("no upcast from " + type + " revision " + revision);
        }
        return new Upcast(change.toRevision(), change.change().apply(json));
    }
}
