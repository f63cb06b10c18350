package io.learningloop.command.http;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.learningloop.command.Requests;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.stream.Stream;
import org.axonframework.commandhandling.CommandExecutionException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.CannotCreateTransactionException;

/** While PostgreSQL is away a step is refused as 503 + Retry-After, however the failure was wrapped. */
@WebMvcTest
@Import(HttpSliceConfiguration.class)
class StoreUnavailableResponsesTest {

    @Autowired
    MockMvc http;

    @MockitoBean
    StepSender steps;

    /** As measured with PostgreSQL killed: Spring's, wrapping Hibernate's, wrapping Hikari's pool timeout. */
    static Stream<RuntimeException> outages() {
        var poolTimeout = new SQLTransientConnectionException("HikariPool-1 - Connection is not available");
        var noConnection = new JDBCConnectionException("Unable to acquire JDBC Connection", poolTimeout);
        return Stream.of(
                new CannotCreateTransactionException("Could not open JPA EntityManager for transaction", noConnection),
                new CommandExecutionException("command failed", noConnection),
                new QueryTimeoutException("statement timeout", new SQLException("canceling statement", "57014")));
    }

    @ParameterizedTest
    @MethodSource("outages")
    void aStepIsRefusedWith503AndRetryAfterWhileTheStoreIsAway(RuntimeException outage) throws Exception {
        when(steps.send(any(), any(), any())).thenThrow(outage);

        http.perform(post("/decisions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(Requests.decision("dec-1", RouteSamples.AT)))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(content().json("""
                        {"type": "urn:learning-loop:problem:unavailable", "title": "Event store unavailable",
                         "status": 503, "detail": "The step was not stored; send it again in a few seconds.",
                         "instance": "/decisions"}
                        """, true));
    }
}
