package io.learningloop.command.http;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.learningloop.command.commands.Correction;
import io.learningloop.command.commands.Provenance;
import io.learningloop.command.commands.Stamp;
import io.learningloop.command.domain.LoopRuleViolationException;
import io.learningloop.command.domain.UnknownReferenceException;
import io.learningloop.contract.LoopStep;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One kind of step and the only place that knows how its request becomes a command and which id field
 * its answer names. The single endpoints and the bulk import both go through it, so they cannot drift apart; a new
 * kind of step is one more entry in {@link StepKinds}. What a step is called and which field names it is
 * the contract's ({@link LoopStep}); a correction of a step is a kind of its own here.
 *
 * <p>Most steps bring their own id (or get one assigned). A step <em>about</em> an existing step, such
 * as an outcome, takes that step's id from the path of its single endpoint and from the {@link #idField()}
 * of a bulk line.
 */
final class StepKind<R extends StepRequest> {

    private static final TypeFactory TYPES = TypeFactory.defaultInstance();

    /** Builds the command from the step's id, the validated request and what the server adds. */
    @FunctionalInterface
    interface ToCommand<R> {
        Object command(String id, R request, Provenance provenance, Stamp stamp);
    }

    /** Builds the amendment's command from the step's id, who corrects it, and the corrected step's command. */
    @FunctionalInterface
    interface ToAmendment<R> {
        Object command(String id, Correction by, R correction, Provenance provenance, Stamp stamp);
    }

    /** What a kind does to its step: posts it, or corrects one posted before. */
    enum Form {
        STEP,
        AMENDMENT,
        RETRACTION
    }

    private final LoopStep step;
    private final Form form;
    private final String name;
    private final JavaType requestType;
    private final Function<R, String> ownId;
    private final boolean aboutExisting;
    private final ToCommand<R> toCommand;

    private StepKind(
            LoopStep step,
            Form form,
            String name,
            JavaType requestType,
            Function<R, String> ownId,
            boolean aboutExisting,
            ToCommand<R> toCommand) {
        this.step = step;
        this.form = form;
        this.name = name;
        this.requestType = requestType;
        this.ownId = ownId;
        this.aboutExisting = aboutExisting;
        this.toCommand = toCommand;
    }

    /** A new step whose request may carry its own id in its id field; the server assigns one when not. */
    static <R extends StepRequest> StepKind<R> newStep(
            LoopStep step, Class<R> requestType, Function<R, String> ownId, ToCommand<R> toCommand) {
        return new StepKind<>(
                step, Form.STEP, step.wireName(), TYPES.constructType(requestType), ownId, false, toCommand);
    }

    /**
     * A step about an existing step (an outcome about its decision), named by the id field (a path
     * variable of the single endpoint, a field of a bulk line). An unknown one is a 404 on that field.
     */
    static <R extends StepRequest> StepKind<R> aboutExisting(
            LoopStep step, Class<R> requestType, ToCommand<R> toCommand) {
        return new StepKind<>(
                step, Form.STEP, step.wireName(), TYPES.constructType(requestType), null, true, toCommand);
    }

    /**
     * The amendment of a kind of step ({@code <name>-amendment}): its body holds the corrected step,
     * read and validated as that kind's own request. The step is named by the path (or the bulk line's
     * {@code idField}); a corrected step that names another id is refused.
     */
    static <R extends StepRequest> StepKind<AmendmentRequest<R>> amendmentOf(
            StepKind<R> amended, ToAmendment<R> toAmendment) {
        JavaType type = TYPES.constructParametricType(AmendmentRequest.class, amended.requestType);
        return new StepKind<>(
                amended.step,
                Form.AMENDMENT,
                amended.name + "-amendment",
                type,
                null,
                true,
                (id, request, provenance, stamp) -> {
                    String ownId = amended.ownId == null ? null : amended.ownId.apply(request.correction());
                    if (ownId != null && !ownId.equals(id)) {
                        throw new LoopRuleViolationException(
                                "correction." + amended.idField(),
                                "must be the id of" + " the step amended, '" + id + "', or left out");
                    }
                    return toAmendment.command(id, request.by(stamp), request.correction(), provenance, stamp);
                });
    }

    /** The retraction of a kind of step ({@code <name>-retraction}), named by the path or the bulk line. */
    static StepKind<RetractionRequest> retractionOf(
            LoopStep retracted, BiFunction<String, Correction, Object> toRetraction) {
        return new StepKind<>(
                retracted,
                Form.RETRACTION,
                retracted.wireName() + "-retraction",
                TYPES.constructType(RetractionRequest.class),
                null,
                true,
                (id, request, provenance, stamp) -> toRetraction.apply(id, request.by(stamp)));
    }

    /** The step this kind posts, amends or retracts. */
    LoopStep step() {
        return step;
    }

    Form form() {
        return form;
    }

    /** The value of {@code step} in a bulk line: {@code decision}, {@code behavior-change}, ... */
    String name() {
        return name;
    }

    /** A Java type with its type arguments: an amendment's request is generic in the step it corrects. */
    JavaType requestType() {
        return requestType;
    }

    /** The field that names the step in answers ({@code decisionId}, {@code lessonId}, ...). */
    String idField() {
        return step.idField();
    }

    /** True when the id names an existing step and is given apart from the request (path, bulk field). */
    boolean aboutExistingStep() {
        return aboutExisting;
    }

    /** @param givenId the id from the path or the bulk line for a step about an existing one, else ignored */
    Object command(R request, String givenId, Provenance provenance, Stamp stamp) {
        return toCommand.command(idOf(request, givenId), request, provenance, stamp);
    }

    /** What a command about a step that does not exist means to the tool that posted it. */
    RuntimeException unknownExisting(String givenId) {
        return new UnknownReferenceException(idField(), step.partOf().label(), givenId);
    }

    private String idOf(R request, String givenId) {
        if (aboutExistingStep()) {
            return givenId;
        }
        String own = ownId.apply(request);
        return own != null ? own : UUID.randomUUID().toString();
    }

    @Override
    public String toString() {
        return name;
    }
}
