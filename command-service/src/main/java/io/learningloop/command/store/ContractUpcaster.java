package io.learningloop.command.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.learningloop.codec.json.EventUpcasts;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;

/**
 * Reads stored events of older revisions as the current ones, one revision step at a time, with the
 * same JSON changes the Kafka consumers apply ({@link EventUpcasts}). The stored JSON is never rewritten.
 */
@Component
public class ContractUpcaster extends SingleEventUpcaster {

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().getRevision() != null
                && EventUpcasts.canUpcast(
                        contractName(representation), representation.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        String name = contractName(representation);
        String revision = representation.getType().getRevision();
        return representation.upcastPayload(
                new SimpleSerializedType(representation.getType().getName(), EventUpcasts.nextRevision(name, revision)),
                JsonNode.class,
                json -> EventUpcasts.oneStep(name, revision, (ObjectNode) json).json());
    }

    /** {@code io.learningloop.contract.events.DecisionMadeEvent} is stored; the contract says {@code DecisionMade}. */
    private static String contractName(IntermediateEventRepresentation representation) {
        String className = representation.getType().getName();
        String simple = className.substring(className.lastIndexOf('.') + 1);
        return simple.endsWith("Event") ? simple.substring(0, simple.length() - "Event".length()) : simple;
    }
}
