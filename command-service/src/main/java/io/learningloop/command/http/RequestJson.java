package io.learningloop.command.http;

import com.fasterxml.jackson.core.StreamReadConstraints;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bounds what Jackson reads, before any field is looked at: no step nests deeper than a few levels or
 * needs long numbers or field names, and no text in one can be longer than the body that carries it.
 * Bean Validation's {@code @Size} runs only after parsing; these limits keep parsing itself cheap. A
 * body over them is refused as unreadable, in the service's own words (Jackson's name its classes).
 */
@Configuration(proxyBeanMethods = false)
class RequestJson {

    static final int MAX_NESTING_DEPTH = 32;
    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_NUMBER_LENGTH = 100;
    static final String LIMITS_EXCEEDED = "nests deeper than " + MAX_NESTING_DEPTH + " levels, or has a field name"
            + " longer than " + MAX_NAME_LENGTH + " or a number longer than " + MAX_NUMBER_LENGTH + " characters";

    @Bean
    Jackson2ObjectMapperBuilderCustomizer boundedJsonReading(
            StepBodyProperties stepLimits, BulkImportProperties bulkLimits) {
        long longestText = Math.max(
                stepLimits.maxBody().toBytes(), bulkLimits.maxLineBytes().toBytes());
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxNameLength(MAX_NAME_LENGTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxStringLength(Math.toIntExact(longestText))
                .build();
        return builder -> builder.postConfigurer(mapper -> mapper.getFactory().setStreamReadConstraints(constraints));
    }
}
