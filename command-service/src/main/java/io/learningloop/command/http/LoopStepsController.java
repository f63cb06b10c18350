package io.learningloop.command.http;

import io.learningloop.command.commands.MakeDecisionCommand;
import io.learningloop.command.commands.ObserveOutcomeCommand;
import io.learningloop.command.commands.RecordBehaviorChangeCommand;
import io.learningloop.command.commands.RecordLessonCommand;
import io.learningloop.command.commands.Stamp;
import io.learningloop.command.commands.StepAccepted;
import io.learningloop.command.domain.UnknownReferenceException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * One POST per step of a loop. A new step answers 201 with its ids; the very same step posted again
 * (a retry) answers 200 with the original ids and stores nothing.
 */
@RestController
@Validated
class LoopStepsController {

    private final CommandGateway commands;
    private final Clock clock;

    LoopStepsController(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping("/decisions")
    ResponseEntity<Map<String, Object>> makeDecision(@Valid @RequestBody DecisionRequest request) {
        var command = new MakeDecisionCommand(idOrNew(request.decisionId()), Stamp.fresh(clock),
                request.provenance(clock), request.title(), request.category(), request.expectedOutcome(),
                request.confidence(), request.reviewBy(), request.informedByLessonIds());
        return answer("decisionId", commands.sendAndWait(command));
    }

    @PostMapping("/decisions/{decisionId}/outcome")
    ResponseEntity<Map<String, Object>> observeOutcome(
            @PathVariable @Pattern(regexp = StepRules.ID, message = StepRules.ID_MESSAGE) String decisionId,
            @Valid @RequestBody OutcomeRequest request) {
        var command = new ObserveOutcomeCommand(decisionId, Stamp.fresh(clock), request.provenance(clock),
                request.assessment(), request.summary());
        try {
            return answer("decisionId", commands.sendAndWait(command));
        } catch (AggregateNotFoundException e) {
            throw new UnknownReferenceException("decisionId", "decision", decisionId);
        }
    }

    @PostMapping("/lessons")
    ResponseEntity<Map<String, Object>> recordLesson(@Valid @RequestBody LessonRequest request) {
        var command = new RecordLessonCommand(idOrNew(request.lessonId()), Stamp.fresh(clock),
                request.provenance(clock), request.decisionIds(), request.lesson(), request.thinkingChange());
        return answer("lessonId", commands.sendAndWait(command));
    }

    @PostMapping("/behavior-changes")
    ResponseEntity<Map<String, Object>> recordBehaviorChange(@Valid @RequestBody BehaviorChangeRequest request) {
        var command = new RecordBehaviorChangeCommand(idOrNew(request.behaviorChangeId()), Stamp.fresh(clock),
                request.provenance(clock), request.lessonIds(), request.decisionId(), request.description());
        return answer("behaviorChangeId", commands.sendAndWait(command));
    }

    private static String idOrNew(String id) {
        return id != null ? id : UUID.randomUUID().toString();
    }

    private static ResponseEntity<Map<String, Object>> answer(String idField, StepAccepted accepted) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(idField, accepted.id());
        body.put("eventId", accepted.eventId());
        body.put("alreadyRecorded", accepted.alreadyRecorded());
        return ResponseEntity.status(accepted.alreadyRecorded() ? HttpStatus.OK : HttpStatus.CREATED).body(body);
    }
}
