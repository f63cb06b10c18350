package io.learningloop.command.http;

import io.learningloop.access.Caller;
import io.learningloop.command.commands.Stamp;
import io.learningloop.command.commands.StepAccepted;
import io.learningloop.command.commands.Writer;
import java.time.Clock;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Sends one validated step as its own command (its own transaction), for the request's API key, and
 * waits for the answer. Refusals come back as the domain's exceptions, which {@link StepProblems} turns
 * into problems; a unit outside the key's is refused before anything is sent.
 */
@Component
class StepSender {

    private final CommandGateway commands;
    private final Clock clock;

    StepSender(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    /** @param givenId the existing step's id for a step about one (an outcome's decision), else null */
    <R extends StepRequest> StepAccepted send(StepKind<R> kind, R request, String givenId) {
        Caller caller = Caller.current();
        // The unit the request names (a new step's, an amendment's new one); the unit of a step already
        // recorded is the aggregate's to check (Writer), as only it knows that unit for certain.
        if (request.orgUnit() != null) {
            caller.requireCovers(
                    kind.form() == StepKind.Form.AMENDMENT ? "correction.orgUnit" : "orgUnit", request.orgUnit());
        }
        Object command = kind.command(request, givenId, request.provenance(clock), Stamp.fresh(clock));
        try {
            return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(Writer.of(caller).metaData()));
        } catch (AggregateNotFoundException e) {
            if (kind.aboutExistingStep()) {
                throw kind.unknownExisting(givenId);
            }
            throw e;
        }
    }
}
