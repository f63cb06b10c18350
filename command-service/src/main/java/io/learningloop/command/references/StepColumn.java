package io.learningloop.command.references;

import io.learningloop.contract.LoopStep;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Stores a step's kind by its wire name ({@code behavior-change}), the contract's spelling. Rows written
 * before V4 said {@code behaviour change}; V4 rewrote them.
 */
@Converter
class StepColumn implements AttributeConverter<LoopStep, String> {

    @Override
    public String convertToDatabaseColumn(LoopStep step) {
        return step.wireName();
    }

    @Override
    public LoopStep convertToEntityAttribute(String wireName) {
        return LoopStep.named(wireName)
                .orElseThrow(() -> new IllegalStateException("known_step.kind '" + wireName + "' is no step"));
    }
}
