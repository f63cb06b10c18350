package io.learningloop.command.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.learningloop.command.commands.StepAccepted;
import io.learningloop.problems.Problems;
import io.learningloop.problems.Problems.FieldError;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Imports the lines of a bulk file in order, each on its own: read and validated by the same
 * {@link StepBinder} as its single endpoint, then sent as its own command. A line is stored whole or not
 * at all; a bad line never stops the others, and its problem is the one its single endpoint would
 * answer. Lines are committed in batches ({@link LineBatches}: one transaction, a savepoint per line),
 * and each batch's results are written once it is committed.
 */
@Component
class BulkImport {

    /** Receives each line's result as soon as it is known, then the summary. */
    @FunctionalInterface
    interface Results {
        void write(Map<String, Object> result) throws IOException;
    }

    enum Outcome {
        ACCEPTED("accepted"),
        REPEATED("repeated"),
        REFUSED("refused");

        final String tag;

        Outcome(String tag) {
            this.tag = tag;
        }
    }

    record Summary(int lines, int accepted, int alreadyRecorded, int refused) {}

    private record LineResult(Outcome outcome, Map<String, Object> body) {}

    static final int PROGRESS_EVERY = 1_000;
    private static final Logger log = LoggerFactory.getLogger(BulkImport.class);

    private final StepSender steps;
    private final StepBinder binder;
    private final LineBatches batches;
    private final int linesPerTransaction;
    private final MeterRegistry meters;
    private final Map<Outcome, Counter> lineCounters = new EnumMap<>(Outcome.class);
    private final Timer importTimer;
    private final long maxLineBytes;

    BulkImport(
            StepSender steps,
            StepBinder binder,
            LineBatches batches,
            MeterRegistry meters,
            BulkImportProperties limits) {
        this.steps = steps;
        this.batches = batches;
        this.linesPerTransaction = limits.linesPerTransaction();
        this.maxLineBytes = limits.maxLineBytes().toBytes();
        this.binder = binder;
        this.meters = meters;
        for (Outcome outcome : Outcome.values()) {
            lineCounters.put(
                    outcome,
                    Counter.builder("learningloop.bulk.lines")
                            .description(
                                    "Lines of bulk imports: accepted (stored), repeated (recorded before), refused")
                            .tag("outcome", outcome.tag)
                            .register(meters));
        }
        importTimer = Timer.builder("learningloop.bulk.imports")
                .description("Whole bulk imports, from the first line to the summary")
                .register(meters);
    }

    /**
     * @param lines the file, read one line at a time: nothing per line is kept beyond the tally, so memory
     *     does not grow with the file; blank lines are skipped but keep the numbering
     */
    Summary run(NdjsonBody lines, Results results) throws IOException {
        String importId = UUID.randomUUID().toString();
        long started = System.nanoTime();
        Timer.Sample timing = Timer.start(meters);
        Tally tally = new Tally();
        log.atInfo()
                .setMessage("bulk import {} started: {} lines")
                .addArgument(importId)
                .addArgument(lines.lineCount())
                .addKeyValue("importId", importId)
                .addKeyValue("fileLines", lines.lineCount())
                .log();
        boolean completed = false;
        try {
            // A batch holds at most linesPerTransaction lines and about one line limit of text (memory stays
            // bounded whatever the file), so that a batch that must run again line by line still has them.
            List<NdjsonBody.Line> batch = new ArrayList<>();
            long batchChars = 0;
            NdjsonBody.Line line;
            while ((line = lines.next()) != null) {
                if (!line.tooLong() && line.text().isBlank()) {
                    continue;
                }
                batch.add(line);
                batchChars += line.tooLong() ? 0 : line.text().length();
                if (batch.size() >= linesPerTransaction || batchChars >= maxLineBytes) {
                    writeBatch(batch, results, tally, importId, started);
                    batch.clear();
                    batchChars = 0;
                }
            }
            writeBatch(batch, results, tally, importId, started);
            Summary summary = tally.summary();
            results.write(Map.of("summary", summary));
            completed = true;
            return summary;
        } finally {
            timing.stop(importTimer);
            // Lines up to here are stored (or refused); the client can post the file again safely.
            logProgress(
                    completed ? "finished" : "stopped (the client went away or the service failed)",
                    importId,
                    tally,
                    started);
        }
    }

    private void writeBatch(List<NdjsonBody.Line> batch, Results results, Tally tally, String importId, long started)
            throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        List<LineResult> imported = batches.importTogether(
                batch,
                line -> line.tooLong() ? tooLong(line.number()) : importLine(line.number(), line.text()),
                result -> result.outcome() != Outcome.REFUSED);
        for (LineResult result : imported) {
            tally.add(result.outcome());
            lineCounters.get(result.outcome()).increment();
            results.write(result.body());
            if (tally.lines % PROGRESS_EVERY == 0) {
                logProgress("progress", importId, tally, started);
            }
        }
    }

    /** A line over the line limit is one refused step: its bytes were never held, the other lines go on. */
    private LineResult tooLong(int number) {
        return refused(
                number,
                null,
                Problems.problem(
                        HttpStatus.PAYLOAD_TOO_LARGE,
                        "line-too-long",
                        "Line too long",
                        "the line is longer than " + maxLineBytes + " bytes (learning-loop.bulk.max-line-bytes)",
                        List.of()));
    }

    private LineResult importLine(int number, String text) {
        JsonNode node;
        try {
            node = binder.parse(text);
        } catch (StreamConstraintsException e) {
            // Its own words: Jackson's message names its classes.
            return refused(number, null, StepProblems.unreadable(null, "the line " + RequestJson.LIMITS_EXCEEDED));
        } catch (JsonProcessingException e) {
            return refused(number, null, StepProblems.unreadable(e, notJson(e)));
        }
        if (!(node instanceof ObjectNode line)) {
            return refused(number, null, StepProblems.unreadable(null, "the line is not a JSON object"));
        }
        JsonNode step = line.get("step");
        if (step == null || !step.isTextual()) {
            return refused(
                    number,
                    null,
                    StepProblems.invalidFields(List.of(new FieldError("step", "must be one of " + StepKinds.names()))));
        }
        Optional<StepKind<?>> kind = StepKinds.named(step.textValue());
        if (kind.isEmpty()) {
            return refused(
                    number,
                    step.textValue(),
                    StepProblems.invalidFields(List.of(
                            new FieldError("step", "'" + step.textValue() + "' is not one of " + StepKinds.names()))));
        }
        return importStep(number, kind.get(), line);
    }

    private <R extends StepRequest> LineResult importStep(int number, StepKind<R> kind, ObjectNode line) {
        R request;
        try {
            request = binder.read(
                    kind, stepFields(kind, line), "the line is not a " + kind.name() + " of the expected shape");
        } catch (StepRefusedException e) {
            return refused(number, kind.name(), e.problem());
        }
        // Unlike a single endpoint's path, a line names the step it is about in a field: one list of errors.
        List<FieldError> errors = new ArrayList<>(binder.validate(request, kind));
        String givenId = null;
        if (kind.aboutExistingStep()) {
            JsonNode id = line.get(kind.idField());
            if (id != null && !id.isNull() && !id.isTextual()) {
                errors.add(new FieldError(kind.idField(), "must be a string"));
            } else {
                givenId = id == null || id.isNull() ? null : id.textValue();
                errors.addAll(binder.validateId(kind, givenId));
            }
        }
        if (!errors.isEmpty()) {
            return refused(number, kind.name(), StepProblems.invalidFields(errors));
        }
        try {
            return accepted(number, kind, steps.send(kind, request, givenId));
        } catch (RuntimeException e) {
            return refused(
                    number,
                    kind.name(),
                    StepProblems.refusal(e)
                            .or(() -> StoreUnavailableResponses.answer(e))
                            .orElseGet(() -> failed(number, e)));
        }
    }

    /**
     * The line without what only a line has: {@code step}, and the id of the step it is about. An
     * amendment's corrected step may name that id once more, as its own line would (an outcome's
     * {@code decisionId}); the same id named twice is one, another id stays and is refused.
     */
    private static ObjectNode stepFields(StepKind<?> kind, ObjectNode line) {
        ObjectNode fields = line.deepCopy();
        fields.remove("step");
        if (kind.aboutExistingStep()) {
            JsonNode id = fields.remove(kind.idField());
            if (kind.form() == StepKind.Form.AMENDMENT
                    && id != null
                    && fields.get("correction") instanceof ObjectNode correction
                    && id.equals(correction.get(kind.idField()))) {
                correction.remove(kind.idField());
            }
        }
        return fields;
    }

    /** Jackson's own words where they name no class ({@code StreamReadConstraints...} does). */
    private static String notJson(JsonProcessingException e) {
        String reason = e.getOriginalMessage();
        return reason == null || reason.contains("`") || Problems.namesAClass(reason)
                ? "the line is not JSON"
                : "the line is not JSON: " + reason;
    }

    private static ResponseEntity<Object> failed(int number, RuntimeException e) {
        log.error("bulk line {} failed", number, e);
        return Problems.problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "step-failed",
                "Step failed",
                "the service failed on this line (see its log); posting the file again is safe",
                List.of());
    }

    private static LineResult accepted(int number, StepKind<?> kind, StepAccepted accepted) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("line", number);
        body.put("status", accepted.alreadyRecorded() ? HttpStatus.OK.value() : HttpStatus.CREATED.value());
        body.put("step", kind.name());
        body.put("id", accepted.id());
        body.put("eventId", accepted.eventId());
        body.put("alreadyRecorded", accepted.alreadyRecorded());
        return new LineResult(accepted.alreadyRecorded() ? Outcome.REPEATED : Outcome.ACCEPTED, body);
    }

    private static LineResult refused(int number, String step, ResponseEntity<Object> problem) {
        ProblemDetail detail = (ProblemDetail) problem.getBody();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("line", number);
        body.put("status", detail.getStatus());
        if (step != null) {
            body.put("step", step);
        }
        body.put("type", detail.getType().toString());
        body.put("title", detail.getTitle());
        body.put("detail", detail.getDetail());
        if (detail.getProperties() != null && detail.getProperties().containsKey("errors")) {
            body.put("errors", detail.getProperties().get("errors"));
        }
        return new LineResult(Outcome.REFUSED, body);
    }

    private static void logProgress(String state, String importId, Tally tally, long started) {
        double seconds = Math.max(System.nanoTime() - started, 1) / 1e9;
        long perSecond = Math.round(tally.lines / seconds);
        log.atInfo()
                .setMessage("bulk import {} {}: {} lines, {} accepted, {} already recorded, {} refused, {} lines/s")
                .addArgument(importId)
                .addArgument(state)
                .addArgument(tally.lines)
                .addArgument(tally.accepted)
                .addArgument(tally.repeated)
                .addArgument(tally.refused)
                .addArgument(perSecond)
                .addKeyValue("importId", importId)
                .addKeyValue("lines", tally.lines)
                .addKeyValue("accepted", tally.accepted)
                .addKeyValue("alreadyRecorded", tally.repeated)
                .addKeyValue("refused", tally.refused)
                .addKeyValue("linesPerSecond", perSecond)
                .log();
    }

    private static final class Tally {
        int lines;
        int accepted;
        int repeated;
        int refused;

        void add(Outcome outcome) {
            lines++;
            switch (outcome) {
                case ACCEPTED -> accepted++;
                case REPEATED -> repeated++;
                case REFUSED -> refused++;
            }
        }

        Summary summary() {
            return new Summary(lines, accepted, repeated, refused);
        }
    }
}
