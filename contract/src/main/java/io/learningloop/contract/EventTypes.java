package io.learningloop.contract;

import io.learningloop.contract.events.ActionAssignedEvent;
import io.learningloop.contract.events.ActionCompletedEvent;
import io.learningloop.contract.events.ActionDroppedEvent;
import io.learningloop.contract.events.ActionOverdueEvent;
import io.learningloop.contract.events.BehaviorChangedEvent;
import io.learningloop.contract.events.CheckInHeldEvent;
import io.learningloop.contract.events.CheckInMissedEvent;
import io.learningloop.contract.events.DecisionMadeEvent;
import io.learningloop.contract.events.LessonRecordedEvent;
import io.learningloop.contract.events.LessonSharedEvent;
import io.learningloop.contract.events.LoopEvent;
import io.learningloop.contract.events.OutcomeObservedEvent;
import io.learningloop.contract.events.ReviewHeldEvent;
import io.learningloop.contract.events.StepAmendedEvent;
import io.learningloop.contract.events.StepRetractedEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.serialization.Revision;

/**
 * The names and revisions under which events travel. A consumer reads the {@code event-type} header
 * and finds the record here, so Java class names never leak into the Kafka contract.
 */
public final class EventTypes {

    /** Every event of the contract; an event missing here cannot be published or consumed. */
    public static final List<Class<? extends LoopEvent>> ALL = List.of(
            DecisionMadeEvent.class,
            CheckInHeldEvent.class,
            CheckInMissedEvent.class,
            OutcomeObservedEvent.class,
            LessonRecordedEvent.class,
            BehaviorChangedEvent.class,
            ReviewHeldEvent.class,
            ActionAssignedEvent.class,
            ActionCompletedEvent.class,
            ActionDroppedEvent.class,
            ActionOverdueEvent.class,
            LessonSharedEvent.class,
            StepAmendedEvent.class,
            StepRetractedEvent.class);

    private static final Map<String, Class<? extends LoopEvent>> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventTypes::name, Function.identity()));

    private EventTypes() {}

    /** {@code DecisionMadeEvent} travels as {@code DecisionMade}. */
    public static String name(Class<?> type) {
        String simple = type.getSimpleName();
        return simple.endsWith("Event") ? simple.substring(0, simple.length() - "Event".length()) : simple;
    }

    public static String revision(Class<?> type) {
        Revision revision = type.getAnnotation(Revision.class);
        if (revision == null) {
            throw new IllegalStateException(type.getName() + " has no @Revision");
        }
        return revision.value();
    }

    public static Optional<Class<? extends LoopEvent>> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
