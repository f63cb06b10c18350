package io.learningloop.command.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.learningloop.command.Requests;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.stream.Stream;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.MediaType;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * While PostgreSQL is away a step is refused as 503 + Retry-After, however the failure was wrapped, and a
 * bulk line answered 503; any other failure stays a 500 with its correlation id.
 */
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
                new QueryTimeoutException("statement timeout", new SQLException("canceling statement", "57014")),
                // The crash test's three 500s: Hikari's proxy of a connection the pool closed, no SQLState.
                new JpaSystemException(new GenericJDBCException(
                        "could not execute statement", new SQLException("Connection is closed"), "insert ...")),
                new CommandExecutionException(
                        "command failed",
                        new EventStoreException(
                                "could not be persisted",
                                new GenericJDBCException(
                                        "could not execute statement",
                                        new SQLException("Connection is closed"),
                                        "insert ..."))),
                new TransactionSystemException(
                        "Could not commit JPA transaction",
                        new GenericJDBCException(
                                "Unable to commit against JDBC Connection",
                                new SQLException("This connection has been closed.", "08003"))));
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

    @Test
    void aFailureThatShowsNoOutageStaysA500WithACorrelationId() throws Exception {
        when(steps.send(any(), any(), any()))
                .thenThrow(new JpaSystemException(new GenericJDBCException(
                        "could not execute statement", new SQLException("ERROR: value too long", "22001"))));

        http.perform(post("/decisions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(Requests.decision("dec-1", RouteSamples.AT)))
                .andExpect(status().isInternalServerError())
                .andExpect(header().doesNotExist("Retry-After"))
                .andExpect(jsonPath("$.type").value("urn:learning-loop:problem:internal-error"))
                .andExpect(jsonPath("$.correlationId").isNotEmpty());
    }

    @Test
    void aBulkLineIsAnswered503WhileTheStoreIsAway() throws Exception {
        when(steps.send(any(), any(), any()))
                .thenThrow(new JpaSystemException(new GenericJDBCException(
                        "could not execute statement", new SQLException("Connection is closed"))));
        String line = "{\"step\": \"decision\", "
                + Requests.decision("dec-1", RouteSamples.AT)
                        .replace("\n", " ")
                        .strip()
                        .substring(1);

        String answer = http.perform(post("/steps/bulk")
                        .contentType(MediaType.parseMediaType("application/x-ndjson"))
                        .content(line + "\n"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(answer.split("\n"))
                .containsExactly(
                        "{\"line\":1,\"status\":503,\"step\":\"decision\","
                                + "\"type\":\"urn:learning-loop:problem:unavailable\",\"title\":\"Event store unavailable\","
                                + "\"detail\":\"The step was not stored; send it again in a few seconds.\"}",
                        "{\"summary\":{\"lines\":1,\"accepted\":0,\"alreadyRecorded\":0,\"refused\":1}}");
    }
}
