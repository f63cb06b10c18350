package io.learningloop.problems;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /error}, where the servlet container forwards what no handler answered (a failure in a filter,
 * a body the container refused): a problem like every other answer, in place of Spring Boot's default
 * JSON. Asked for directly, it is a path like any unknown one: 404. Each service {@code @Import}s it.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<Object> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (!(code instanceof Integer status) || status < 400) {
            return Problems.problem(
                    HttpStatusCode.valueOf(404), "not-found", "Not Found", "no such resource", List.of());
        }
        HttpStatusCode statusCode = HttpStatusCode.valueOf(status);
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
                && statusCode.is5xxServerError()) {
            return ProblemHandler.failure(failure);
        }
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        return Problems.problem(
                statusCode,
                ProblemTypes.of(statusCode),
                ProblemTypes.title(statusCode),
                ProblemTypes.detail(message == null ? null : message.toString(), statusCode),
                List.of());
    }
}
