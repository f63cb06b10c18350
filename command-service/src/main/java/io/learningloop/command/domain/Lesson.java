package io.learningloop.command.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.learningloop.command.commands.RecordLessonCommand;
import io.learningloop.command.commands.ShareLessonCommand;
import io.learningloop.command.commands.StepAccepted;
import io.learningloop.contract.events.LessonRecordedEvent;
import io.learningloop.contract.events.LessonSharedEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A lesson: it comes from existing decisions and/or reviews of them and cannot be dated before any of
 * them; its themes are those of the root-cause vocabulary; it may be shared with other org units.
 */
@Aggregate
class Lesson {

    /** As many as a lesson may name itself: the event contract allows no more. */
    static final int MAX_DECISIONS = 50;

    @AggregateIdentifier
    private String lessonId;
    private LessonRecordedEvent recorded;
    private final Map<String, LessonSharedEvent> sharedWith = new HashMap<>();

    Lesson() {
        // Axon creates the aggregate empty, then replays its events or runs a creating handler.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    StepAccepted handle(RecordLessonCommand command, LoopReferences references, RootCauseThemes themes) {
        List<String> decisionIds = concernedDecisions(command, references);
        if (recorded != null) {
            return Repeats.sameOrConflict(recorded, command.toEvent(Repeats.stampOf(recorded), decisionIds),
                    "lesson '" + command.lessonId() + "' was already recorded with other content");
        }
        Repeats.requireUnused(references, command.lessonId(), "lesson");
        Instant occurredAt = command.provenance().occurredAt();
        for (String decisionId : command.decisionIds()) {
            var decision = references.decision(decisionId)
                    .orElseThrow(() -> new UnknownReferenceException("decisionIds", "decision", decisionId));
            requireNotBefore(occurredAt, "decision '" + decisionId + "' it comes from, made at "
                    + decision.occurredAt(), decision.occurredAt());
        }
        for (String reviewId : command.reviewIds()) {
            var review = references.review(reviewId).orElseThrow();
            requireNotBefore(occurredAt, "review '" + reviewId + "' it comes from, held at "
                    + review.occurredAt(), review.occurredAt());
        }
        for (String theme : command.themes()) {
            if (!themes.contains(theme)) {
                throw new LoopRuleViolationException("themes", "'" + theme + "' is not a theme; the vocabulary is "
                        + themes.accepted());
            }
        }
        if (Set.copyOf(command.themes()).size() != command.themes().size()) {
            throw new LoopRuleViolationException("themes", "each theme may appear once");
        }
        LessonRecordedEvent event = command.toEvent(command.stamp(), decisionIds);
        apply(event);
        return StepAccepted.recorded(lessonId, event.eventId());
    }

    /**
     * The decisions given, then those of the reviews not given already: the event names every loop it
     * is a step of, so no consumer has to look the reviews up.
     */
    private static List<String> concernedDecisions(RecordLessonCommand command, LoopReferences references) {
        Set<String> all = new LinkedHashSet<>(command.decisionIds());
        for (String reviewId : command.reviewIds()) {
            all.addAll(references.review(reviewId)
                    .orElseThrow(() -> new UnknownReferenceException("reviewIds", "review", reviewId))
                    .decisionIds());
        }
        if (all.isEmpty()) {
            throw new LoopRuleViolationException("decisionIds", "a lesson comes from decisionIds, reviewIds or both");
        }
        if (all.size() > MAX_DECISIONS) {
            throw new LoopRuleViolationException("reviewIds", "a lesson may concern at most "
                    + MAX_DECISIONS + " decisions, its reviews' included");
        }
        return List.copyOf(all);
    }

    private static void requireNotBefore(Instant occurredAt, String what, Instant source) {
        if (occurredAt.isBefore(source)) {
            throw new LoopRuleViolationException("occurredAt", "a lesson cannot be drawn before " + what);
        }
    }

    /** Sharing with a unit it was already shared with answers with the first sharing's event. */
    @CommandHandler
    StepAccepted handle(ShareLessonCommand command) {
        LessonSharedEvent earlier = sharedWith.get(command.sharedWithOrgUnit());
        if (earlier != null) {
            return StepAccepted.repeated(lessonId, earlier.eventId());
        }
        if (command.sharedWithOrgUnit().equals(recorded.orgUnit())) {
            throw new LoopRuleViolationException("sharedWithOrgUnit", "the lesson already belongs to "
                    + recorded.orgUnit() + "; sharing is with other units");
        }
        if (command.provenance().occurredAt().isBefore(recorded.occurredAt())) {
            throw new LoopRuleViolationException("occurredAt", "a lesson cannot be shared before it was drawn, at "
                    + recorded.occurredAt());
        }
        LessonSharedEvent event = new LessonSharedEvent(command.stamp().eventId(), lessonId, recorded.orgUnit(),
                command.provenance().occurredAt(), command.stamp().recordedAt(), command.provenance().sourceTool(),
                command.provenance().actor(), recorded.decisionIds(), command.sharedWithOrgUnit());
        apply(event);
        return StepAccepted.recorded(lessonId, event.eventId());
    }

    @EventSourcingHandler
    void on(LessonRecordedEvent event) {
        lessonId = event.lessonId();
        recorded = event;
    }

    @EventSourcingHandler
    void on(LessonSharedEvent event) {
        sharedWith.put(event.sharedWithOrgUnit(), event);
    }
}
