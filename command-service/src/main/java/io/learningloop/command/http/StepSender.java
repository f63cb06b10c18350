package io.learningloop.command.http;

import io.learningloop.command.commands.Stamp;
import io.learningloop.command.commands.StepAccepted;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Sends one validated step as its own command (its own transaction) and waits for the answer. Refusals
 * come back as the domain's exceptions, which {@link StepProblems} turns into problems.
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
        Object command = kind.command(request, givenId, request.provenance(clock), Stamp.fresh(clock));
        try {
            return commands.sendAndWait(command);
        } catch (AggregateNotFoundException e) {
            if (kind.aboutExistingStep()) {
                throw kind.unknownExisting(givenId);
            }
            throw e;
        }
    }
}
