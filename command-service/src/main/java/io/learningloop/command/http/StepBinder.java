package io.learningloop.command.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.InjectableValues;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import io.learningloop.command.pseudonyms.Pseudonymiser;
import io.learningloop.contract.BusinessDates;
import io.learningloop.problems.Problems.FieldError;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import org.springframework.validation.DataBinder;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * Turns JSON into a kind's request and validates it: the single endpoints (a body) and the bulk import
 * (a line) both parse and bind here, so a step is refused with the same fields and messages wherever it
 * is posted.
 *
 * <p>Reading is strict, on a copy of the service's mapper (the one that writes events stays as it is):
 * a key given twice, content after the JSON, a field the step does not have (a typo such as
 * {@code occuredAt} would otherwise lose data without a word), a number where text is expected, text
 * where a number is, a date outside {@link BusinessDates}, and text that no store can hold (NUL, half a
 * surrogate pair) are refused, each naming its field.
 *
 * <p>A field that names a person ({@link StepFields.PseudonymousId}) is replaced by its pseudonym as it is
 * read: the request, and so every command and event built from it, never holds the raw identity.
 */
@Component
class StepBinder {

    /** The id of the step a step is about: from the path of a single endpoint, a field of a bulk line. */
    record GivenId(
            @NotNull @Pattern(regexp = StepRules.ID, message = StepRules.ID_MESSAGE)
            String id) {}

    /** A value Jackson could read but the platform does not admit; the message is the field's reason. */
    static final class RefusedValue extends JsonMappingException {
        RefusedValue(JsonParser parser, String reason) {
            super(parser, reason);
        }
    }

    private final ObjectMapper json;
    private final Validator validator;
    private final SpringValidatorAdapter bindingValidator;

    StepBinder(ObjectMapper json, Validator validator, Pseudonymiser pseudonymiser) {
        this.json = strict(json);
        // Read by PersonFields.OnArrival: every field that names a person is pseudonymised right here,
        // the one reading every step goes through (single endpoints, bulk lines, corrections).
        this.json.setInjectableValues(new InjectableValues.Std().addValue(Pseudonymiser.class, pseudonymiser));
        this.validator = validator;
        this.bindingValidator = new SpringValidatorAdapter(validator);
    }

    /** A body or a line, as a tree: no key twice, nothing after the JSON. */
    JsonNode parse(InputStream body) throws IOException {
        return json.readTree(body);
    }

    JsonNode parse(String line) throws JsonProcessingException {
        return json.readTree(line);
    }

    /**
     * @param detailWhenNoField what the problem says when the JSON does not fit and no field is to blame
     * @throws StepRefusedException when the JSON is not the kind's request
     */
    <R extends StepRequest> R read(StepKind<R> kind, JsonNode body, String detailWhenNoField) {
        if (!(body instanceof ObjectNode object)) {
            throw new StepRefusedException(StepProblems.unreadable(null, detailWhenNoField));
        }
        List<FieldError> unfit = new ArrayList<>();
        StoredText.findUnstorable(object, "", unfit);
        // An explicit null is no request for a new id: a tool that meant one would leave the field out.
        if (!kind.aboutExistingStep()
                && object.has(kind.idField())
                && object.get(kind.idField()).isNull()) {
            unfit.add(new FieldError(
                    kind.idField(), "must be an id or left out (then the server assigns one), not null"));
        }
        if (!unfit.isEmpty()) {
            throw new StepRefusedException(StepProblems.invalidFields(unfit));
        }
        R request;
        try {
            request = json.treeToValue(body, kind.requestType());
        } catch (JsonProcessingException e) {
            throw new StepRefusedException(StepProblems.unreadable(e, detailWhenNoField));
        }
        if (request == null) {
            throw new StepRefusedException(StepProblems.unreadable(null, detailWhenNoField));
        }
        return request;
    }

    /** Bean Validation exactly as Spring MVC runs it for {@code @Valid @RequestBody}: the same field names. */
    List<FieldError> validate(StepRequest request, StepKind<?> kind) {
        DataBinder binder = new DataBinder(request, kind.name());
        binder.setValidator(bindingValidator);
        binder.validate();
        return StepProblems.fieldErrors(binder.getBindingResult());
    }

    /** What is wrong with the id of the step a step is about, named by the kind's id field. */
    List<FieldError> validateId(StepKind<?> kind, String id) {
        return validator.validate(new GivenId(id)).stream()
                .map(violation -> new FieldError(kind.idField(), violation.getMessage()))
                .toList();
    }

    private static ObjectMapper strict(ObjectMapper shared) {
        ObjectMapper strict = shared.copy()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(
                        DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY,
                        DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        // 1e400 is no id, "0.7" no confidence: no coercion between text and numbers or booleans.
        strict.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        for (LogicalType scalar : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            strict.coercionConfigFor(scalar).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        // Registered last, so they take the place of the JSR-310 module's readers of these two types.
        strict.registerModule(new SimpleModule("business-dates")
                .addDeserializer(
                        Instant.class,
                        new BusinessDate<>(
                                Instant.class,
                                InstantDeserializer.INSTANT,
                                BusinessDates::contains,
                                "an instant such as 2024-01-05T09:00:00Z"))
                .addDeserializer(
                        LocalDate.class,
                        new BusinessDate<>(
                                LocalDate.class,
                                LocalDateDeserializer.INSTANCE,
                                BusinessDates::contains,
                                "a date such as 2024-04-05")));
        return strict;
    }

    /** Every date a step carries, whatever the field: an ISO-8601 string within {@link BusinessDates}. */
    private static final class BusinessDate<T> extends StdScalarDeserializer<T> {

        private final JsonDeserializer<T> iso;
        private final Predicate<T> admitted;
        private final String shape;

        BusinessDate(Class<T> type, JsonDeserializer<T> iso, Predicate<T> admitted, String shape) {
            super(type);
            this.iso = iso;
            this.admitted = admitted;
            this.shape = shape;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                throw new RefusedValue(parser, "must be " + shape);
            }
            String text = parser.getText();
            // A year with a sign or of five digits lies outside the range, whatever else the text says.
            if (text.matches("[+-].*|\\d{5,}-.*")) {
                throw new RefusedValue(parser, BusinessDates.RANGE_MESSAGE);
            }
            // Digits alone would be read as seconds since 1970: "9999" is no date a tool means.
            if (text.matches("\\d+(\\.\\d+)?")) {
                throw new RefusedValue(parser, "must be " + shape);
            }
            T value = iso.deserialize(parser, context);
            if (value != null && !admitted.test(value)) {
                throw new RefusedValue(parser, BusinessDates.RANGE_MESSAGE);
            }
            return value;
        }
    }

    /** Text every store holds: PostgreSQL refuses NUL in JSON; strict JSON readers refuse half a pair. */
    static final class StoredText {

        private StoredText() {}

        static void findUnstorable(JsonNode node, String path, List<FieldError> found) {
            if (node.isTextual()) {
                String reason = reason(node.textValue());
                if (reason != null) {
                    found.add(new FieldError(path, reason));
                }
            } else if (node.isObject()) {
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    findUnstorable(
                            field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), found);
                }
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    findUnstorable(node.get(i), path + "[" + i + "]", found);
                }
            }
        }

        private static String reason(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\u0000') {
                    return "must not contain NUL (\\u0000)";
                }
                if (Character.isHighSurrogate(c)) {
                    if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                        i++;
                        continue;
                    }
                    return "must not contain half a surrogate pair (a lone \\ud800-\\udfff)";
                }
                if (Character.isLowSurrogate(c)) {
                    return "must not contain half a surrogate pair (a lone \\ud800-\\udfff)";
                }
            }
            return null;
        }
    }
}
