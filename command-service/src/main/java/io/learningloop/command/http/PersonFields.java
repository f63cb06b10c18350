package io.learningloop.command.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import io.learningloop.command.pseudonyms.Pseudonymiser;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.io.IOException;

/**
 * How a field that names a person ({@code actor}, an action's {@code owner}, a corrector's {@code
 * actor}) becomes a pseudonym: while the request is read, before any command exists. {@link
 * StepFields.PseudonymousId} carries both halves, so a field that is marked as a person cannot be read
 * without being pseudonymised, nor validated as anything but a pseudonym.
 */
final class PersonFields {

    /** The longest e-mail address there is (RFC 3696): room for any identity a tool knows a person by. */
    static final int MAX_IDENTITY = 320;

    private PersonFields() {}

    /**
     * Reads the identity a tool sent and keeps only its pseudonym. A value out of bounds is kept as
     * sent, so that validation refuses it together with every other invalid field; it is never stored.
     * The pseudonymiser is the binder's injectable value: a mapper without it fails instead of keeping
     * raw identities.
     */
    static final class OnArrival extends StdScalarDeserializer<String> {

        OnArrival() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String identity = StringDeserializer.instance.deserialize(parser, context);
            if (identity == null || !admissible(identity)) {
                return identity;
            }
            Pseudonymiser pseudonymiser =
                    (Pseudonymiser) context.findInjectableValue(Pseudonymiser.class.getName(), null, null);
            return pseudonymiser.pseudonym(identity);
        }

        /** Not blank, not too long, no control characters (no line breaks or tabs in a name). */
        static boolean admissible(String identity) {
            return !identity.isBlank()
                    && identity.length() <= MAX_IDENTITY
                    && identity.chars().noneMatch(Character::isISOControl);
        }
    }

    /** After reading, a person's field holds a pseudonym or is refused: a raw identity never passes. */
    public static final class Pseudonymised implements ConstraintValidator<StepFields.PseudonymousId, String> {

        /** Public: a validator factory without Spring's instantiates it by reflection. */
        public Pseudonymised() {}

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Pseudonymiser.isPseudonym(value);
        }
    }
}
