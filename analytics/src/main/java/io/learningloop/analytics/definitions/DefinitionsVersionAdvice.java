package io.learningloop.analytics.definitions;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Names the definitions' version in every answer of the analytics API, in one place rather than in each
 * answer's record: the JSON gains a {@code definitionsVersion} field, and every response (pages too) the
 * header {@value #HEADER}. Problems are left as they are: they answer no figure.
 */
@ControllerAdvice(basePackages = "io.learningloop.analytics")
class DefinitionsVersionAdvice implements ResponseBodyAdvice<Object> {

    static final String HEADER = "Learning-Loop-Definitions";
    static final String FIELD = "definitionsVersion";

    /**
     * An answer with the version after its own fields, written field by field as the answer itself is:
     * a tree of the answer would hold it whole (a division's relearning list, millions of recurrences,
     * ran the heap out that way), while the lists of the reviews and recurrences are meant to be read as
     * they are written.
     */
    @JsonPropertyOrder({"answer", FIELD})
    static final class Versioned {
        private final Record answer;
        private final String version;

        Versioned(Record answer, String version) {
            this.answer = answer;
            this.version = version;
        }

        @JsonUnwrapped
        public Record getAnswer() {
            return answer;
        }

        @JsonProperty(FIELD)
        public String getDefinitionsVersion() {
            return version;
        }
    }

    private final Definitions definitions;
    private final ObjectMapper json;

    DefinitionsVersionAdvice(Definitions definitions, ObjectMapper json) {
        this.definitions = definitions;
        this.json = json;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(
            Object body,
            MethodParameter returnType,
            MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body == null || body instanceof ProblemDetail) {
            return body;
        }
        response.getHeaders().set(HEADER, definitions.version());
        if (!MappingJackson2HttpMessageConverter.class.isAssignableFrom(converterType)) {
            return body; // a page: it names the version in its footer
        }
        if (body instanceof Record answer) {
            return new Versioned(answer, definitions.version());
        }
        JsonNode tree = json.valueToTree(body);
        if (tree instanceof ObjectNode answer) {
            answer.put(FIELD, definitions.version());
            return answer;
        }
        return body;
    }
}
