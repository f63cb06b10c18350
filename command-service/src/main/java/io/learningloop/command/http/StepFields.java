package io.learningloop.command.http;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.learningloop.contract.OrgUnits;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The constraints of the fields that many steps' requests share, each composed once. Each composing
 * constraint reports on its own, with its own message, exactly as if it were written on the field.
 * {@code @JacksonAnnotationsInside} lets Jackson, and so the OpenAPI schemas springdoc derives through it,
 * see the composing constraints too (a pattern, a length, required).
 */
final class StepFields {

    private StepFields() {}

    /** {@code sourceTool}: the name of the tool that posts the step. */
    @NotBlank
    @Size(max = StepRules.NAME)
    @Constraint(validatedBy = {})
    @JacksonAnnotationsInside
    @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface SourceTool {
        String message() default "";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /**
     * {@code actor}, an action's {@code owner}, a corrector's {@code actor}: whoever the tool knows the
     * person as (an e-mail address, a login, an employee number), replaced by their pseudonym as the
     * request is read ({@link PersonFields}), so no name or e-mail address reaches the log. The same
     * identity gives the same pseudonym in every tool and every post; a pseudonym is kept as it is.
     */
    @NotNull
    @Schema(
            description = "Who, as the posting tool knows them (an e-mail address, a login, an employee number:"
                    + " 1-" + PersonFields.MAX_IDENTITY + " characters, no control characters). Pseudonymised on"
                    + " arrival: the service stores, publishes and shows only a keyed hash (p- and 26 characters),"
                    + " the same for the same person in every tool (case and surrounding spaces ignored). A"
                    + " pseudonym read back from the service is kept as it is.",
            minLength = 1,
            maxLength = PersonFields.MAX_IDENTITY)
    @JsonDeserialize(using = PersonFields.OnArrival.class)
    @Constraint(validatedBy = PersonFields.Pseudonymised.class)
    @JacksonAnnotationsInside
    @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface PseudonymousId {
        String message() default StepRules.PERSON_MESSAGE;

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** An org unit's path, when given; add {@code @NotNull} where it must be. */
    @Size(max = OrgUnits.MAX_LENGTH)
    @Pattern(regexp = OrgUnits.PATTERN, message = StepRules.ORG_UNIT_MESSAGE)
    @Constraint(validatedBy = {})
    @JacksonAnnotationsInside
    @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface OrgUnitPath {
        String message() default "";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** A step's id, when given (a new step's own id is optional); add {@code @NotNull} where it must be. */
    @Pattern(regexp = StepRules.ID, message = StepRules.ID_MESSAGE)
    @Constraint(validatedBy = {})
    @JacksonAnnotationsInside
    @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface StepId {
        String message() default "";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }
}
