package io.learningloop.command.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.learningloop.problems.Problems.FieldError;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.validation.DataBinder;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * Turns JSON into a kind's request and validates it: the single endpoints (a body) and the bulk import
 * (a line) both bind here, so a step is refused with the same fields and messages wherever it is posted.
 */
@Component
class StepBinder {

    /** The id of the step a step is about: from the path of a single endpoint, a field of a bulk line. */
    record GivenId(
            @NotNull @Pattern(regexp = StepRules.ID, message = StepRules.ID_MESSAGE)
            String id) {}

    private final ObjectMapper json;
    private final Validator validator;
    private final SpringValidatorAdapter bindingValidator;

    StepBinder(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
        this.bindingValidator = new SpringValidatorAdapter(validator);
    }

    /**
     * @param detailWhenNoField what the problem says when the JSON does not fit and no field is to blame
     * @throws StepRefusedException when the JSON is not the kind's request
     */
    <R extends StepRequest> R read(StepKind<R> kind, JsonNode body, String detailWhenNoField) {
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
}
