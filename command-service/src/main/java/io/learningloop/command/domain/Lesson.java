package io.learningloop.command.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.learningloop.command.commands.AmendLessonCommand;
import io.learningloop.command.commands.RecordLessonCommand;
import io.learningloop.command.commands.RetractLessonCommand;
import io.learningloop.command.commands.ShareLessonCommand;
import io.learningloop.command.commands.StepAccepted;
import io.learningloop.command.commands.Writer;
import io.learningloop.contract.LoopStep;
import io.learningloop.contract.events.LessonRecordedEvent;
import io.learningloop.contract.events.LessonSharedEvent;
import io.learningloop.contract.events.StepAmendedEvent;
import io.learningloop.contract.events.StepRetractedEvent;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A lesson: it comes from existing decisions and/or reviews of them and cannot be dated before any of
 * them; its themes are those of the root-cause vocabulary; it may be shared with other org units,
 * amended and retracted ({@link Corrections}).
 */
@Aggregate
class Lesson {

    /** As many as a lesson may name itself: the event contract allows no more. */
    static final int MAX_DECISIONS = 50;

    @AggregateIdentifier
    private String lessonId;
    /** The lesson as posted and as amended, and its retraction. */
    private final StepHistory<LessonRecordedEvent> lesson = new StepHistory<>();

    private final Map<String, LessonSharedEvent> sharedWith = new HashMap<>();

    Lesson() {
        // Axon creates the aggregate empty, then replays its events or runs a creating handler.
    }

    /**
     * A command about this step needs a key that covers the step's org unit as recorded — to re-post it,
     * add to it, amend it (also to another unit) or retract it. A new step's unit is checked where it
     * is named, before the command is sent (StepSender).
     */
    @CommandHandlerInterceptor
    Object writableByTheKey(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        Writer.requireCovers(command.getMetaData(), lesson.orgUnit());
        return chain.proceed();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    StepAccepted handle(RecordLessonCommand command, LoopReferences references, RootCauseThemes themes) {
        if (lesson.exists()) {
            // Told without looking references up (see the amendment below for why and how).
            return lesson.repeatOfStep(reading -> asRecorded(command, reading.step()))
                    .orElseThrow(() -> new ConflictingStepException(
                            "lesson '" + command.lessonId() + "' was already recorded with other content"));
        }
        Repeats.requireUnused(references, command.lessonId(), LoopStep.LESSON);
        LessonRecordedEvent event = command.toEvent(command.stamp(), concernedDecisions(command, references));
        requireValid(command, references, themes);
        apply(event);
        return StepAccepted.recorded(lessonId, event.eventId());
    }

    /**
     * The lesson as it should have been recorded. Its decisions and reviews stay; it cannot move after
     * a decision or behaviour change that cites it, nor after its first sharing.
     */
    @CommandHandler
    StepAccepted handle(AmendLessonCommand command, LoopReferences references, RootCauseThemes themes) {
        RecordLessonCommand corrected = command.correction();
        var repeat = lesson.repeatOfAmendment(reading -> asRecorded(corrected, reading.step()), command.by());
        if (repeat.isPresent()) {
            return repeat.get();
        }
        Corrections.requireLive(lesson.retraction(), LoopStep.LESSON, lessonId);
        LessonRecordedEvent recorded = lesson.current();
        LessonRecordedEvent correction = corrected.toEvent(Repeats.stampOf(recorded), recorded.decisionIds());
        Corrections.requireUnchanged("decisionIds", recorded.decisionIds(), concernedDecisions(corrected, references));
        Corrections.requireUnchanged("reviewIds", recorded.reviewIds(), correction.reviewIds());
        requireValid(corrected, references, themes);
        Corrections.requireNotAfter(
                correction.occurredAt(),
                sharedWith.values().stream()
                        .map(LessonSharedEvent::occurredAt)
                        .min(Comparator.naturalOrder())
                        .orElse(null),
                LoopStep.LESSON,
                "first sharing");
        Corrections.requireNotAfterDependents(references, lessonId, correction.occurredAt(), LoopStep.LESSON);
        return Corrections.amend(correction, command.by());
    }

    @CommandHandler
    StepAccepted handle(RetractLessonCommand command, LoopReferences references) {
        return Corrections.retract(lesson, command.by(), references, LoopStep.LESSON);
    }

    /**
     * The lesson posted (or amended) now, as it would have been recorded in {@code reading}'s place; null
     * when it cannot be. A repeat is told without looking references up (they may have been retracted
     * since): the decisions it names are among the lesson's, and with the lesson's decisions (its reviews'
     * included) it reads exactly like the reading.
     */
    private static LessonRecordedEvent asRecorded(RecordLessonCommand command, LessonRecordedEvent reading) {
        if (!reading.decisionIds().containsAll(command.decisionIds())) {
            return null;
        }
        return command.toEvent(Repeats.stampOf(reading), reading.decisionIds());
    }

    /** The rules of a lesson, for the lesson as posted and as amended. */
    private static void requireValid(RecordLessonCommand command, LoopReferences references, RootCauseThemes themes) {
        Instant occurredAt = command.provenance().occurredAt();
        for (String decisionId : command.decisionIds()) {
            var decision = references
                    .decision(decisionId)
                    .orElseThrow(() -> new UnknownReferenceException("decisionIds", LoopStep.DECISION, decisionId));
            requireNotBefore(
                    occurredAt,
                    "decision '" + decisionId + "' it comes from, made at " + decision.occurredAt(),
                    decision.occurredAt());
        }
        for (String reviewId : command.reviewIds()) {
            var review = references.review(reviewId).orElseThrow();
            requireNotBefore(
                    occurredAt,
                    "review '" + reviewId + "' it comes from, held at " + review.occurredAt(),
                    review.occurredAt());
        }
        for (String theme : command.themes()) {
            if (!themes.contains(theme)) {
                throw new LoopRuleViolationException(
                        "themes", "'" + theme + "' is not a theme; the vocabulary is " + themes.accepted());
            }
        }
        if (Set.copyOf(command.themes()).size() != command.themes().size()) {
            throw new LoopRuleViolationException("themes", "each theme may appear once");
        }
    }

    /**
     * The decisions given, then those of the reviews not given already: the event names every loop it
     * is a step of, so no consumer has to look the reviews up.
     */
    private static List<String> concernedDecisions(RecordLessonCommand command, LoopReferences references) {
        Set<String> all = new LinkedHashSet<>(command.decisionIds());
        for (String reviewId : command.reviewIds()) {
            all.addAll(references
                    .review(reviewId)
                    .orElseThrow(() -> new UnknownReferenceException("reviewIds", LoopStep.REVIEW, reviewId))
                    .decisionIds());
        }
        if (all.isEmpty()) {
            throw new LoopRuleViolationException("decisionIds", "a lesson comes from decisionIds, reviewIds or both");
        }
        if (all.size() > MAX_DECISIONS) {
            throw new LoopRuleViolationException(
                    "reviewIds", "a lesson may concern at most " + MAX_DECISIONS + " decisions, its reviews' included");
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
        Corrections.requireLive(lesson.retraction(), LoopStep.LESSON, lessonId);
        LessonRecordedEvent recorded = lesson.current();
        if (command.sharedWithOrgUnit().equals(recorded.orgUnit())) {
            throw new LoopRuleViolationException(
                    "sharedWithOrgUnit",
                    "the lesson already belongs to " + recorded.orgUnit() + "; sharing is with other units");
        }
        if (command.provenance().occurredAt().isBefore(recorded.occurredAt())) {
            throw new LoopRuleViolationException(
                    "occurredAt", "a lesson cannot be shared before it was drawn, at " + recorded.occurredAt());
        }
        LessonSharedEvent event = new LessonSharedEvent(
                command.stamp().eventId(),
                lessonId,
                recorded.orgUnit(),
                command.provenance().occurredAt(),
                command.stamp().recordedAt(),
                command.provenance().sourceTool(),
                command.provenance().actor(),
                recorded.decisionIds(),
                command.sharedWithOrgUnit());
        apply(event);
        return StepAccepted.recorded(lessonId, event.eventId());
    }

    @EventSourcingHandler
    void on(LessonRecordedEvent event) {
        lessonId = event.lessonId();
        lesson.posted(event, null);
    }

    @EventSourcingHandler
    void on(StepAmendedEvent event) {
        lesson.amended(event, (LessonRecordedEvent) event.correction(), null);
    }

    @EventSourcingHandler
    void on(StepRetractedEvent event) {
        lesson.retracted(event);
    }

    @EventSourcingHandler
    void on(LessonSharedEvent event) {
        sharedWith.put(event.sharedWithOrgUnit(), event);
    }
}
