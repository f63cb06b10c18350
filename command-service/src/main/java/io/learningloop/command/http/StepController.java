package io.learningloop.command.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.learningloop.command.commands.StepAccepted;
import io.learningloop.problems.Problems.FieldError;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.BeanNameAware;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every single-step endpoint ({@link StepRoutes}), one pipeline: the route names the kind of step, the
 * body is read and validated as that kind's request exactly as a bulk line is ({@link StepBinder}), then
 * the id the path names, then the step is sent as its command. A new step answers 201 with its ids; the
 * very same step posted again (a retry) answers 200 with the original ids and stores nothing.
 */
@RestController
class StepController implements SmartInitializingSingleton, BeanNameAware {

    private static final Method POST =
            ReflectionUtils.findMethod(StepController.class, "post", HttpServletRequest.class);

    private final StepBinder binder;
    private final StepSender steps;
    private final ObjectProvider<RequestMappingHandlerMapping> mappings;
    private final Map<String, StepRoute> routesByPath =
            StepRoutes.ALL.stream().collect(Collectors.toUnmodifiableMap(StepRoute::path, Function.identity()));
    private String beanName;

    StepController(
            StepBinder binder,
            StepSender steps,
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.binder = binder;
        this.steps = steps;
        this.mappings = mappings;
    }

    @Override
    public void setBeanName(String name) {
        this.beanName = name;
    }

    /**
     * Maps every route to {@link #post}, by bean name as Spring maps an annotated method, so that springdoc
     * documents them like any other. A context without a web server (some tests) has no mapping to add to.
     */
    @Override
    public void afterSingletonsInstantiated() {
        mappings.ifAvailable(this::register);
    }

    private void register(RequestMappingHandlerMapping handlerMapping) {
        for (StepRoute route : StepRoutes.ALL) {
            boolean namesId = route.path().contains("{" + route.kind().idField() + "}");
            if (namesId != route.namesIdInPath()) {
                throw new IllegalStateException(
                        route.path() + " must name {" + route.kind().idField() + "} if and" + " only if a "
                                + route.kind() + " is about an existing step");
            }
            handlerMapping.registerMapping(
                    RequestMappingInfo.paths(route.path())
                            .methods(RequestMethod.POST)
                            .consumes(MediaType.APPLICATION_JSON_VALUE)
                            .options(handlerMapping.getBuilderConfiguration())
                            .build(),
                    beanName,
                    POST);
        }
    }

    /** The body is parsed by the binder, strictly, not by Spring's converter: the same reading as a bulk line. */
    ResponseEntity<StepAnswer> post(HttpServletRequest http) throws IOException {
        JsonNode body;
        try {
            body = binder.parse(http.getInputStream());
        } catch (JsonProcessingException e) {
            throw new StepRefusedException(StepProblems.unreadable(e, StepProblems.UNREADABLE_BODY));
        }
        StepRoute route = routesByPath.get((String) http.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE));
        @SuppressWarnings("unchecked")
        Map<String, String> path =
                (Map<String, String>) http.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return post(route.kind(), path.get(route.kind().idField()), body);
    }

    private <R extends StepRequest> ResponseEntity<StepAnswer> post(StepKind<R> kind, String givenId, JsonNode body) {
        R request = binder.read(kind, body, StepProblems.UNREADABLE_BODY);
        List<FieldError> invalid = binder.validate(request, kind);
        if (!invalid.isEmpty()) {
            throw new StepRefusedException(StepProblems.invalidFields(invalid));
        }
        if (kind.aboutExistingStep()) {
            List<FieldError> invalidId = binder.validateId(kind, givenId);
            if (!invalidId.isEmpty()) {
                throw new StepRefusedException(StepProblems.invalidPathParameter(invalidId));
            }
        }
        StepAccepted accepted = steps.send(kind, request, givenId);
        StepAnswer answer = StepAnswer.of(kind, accepted);
        return ResponseEntity.status(answer.status()).body(answer);
    }
}
