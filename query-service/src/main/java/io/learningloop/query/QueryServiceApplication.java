package io.learningloop.query;

import io.learningloop.problems.QueryProblemResponses;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * Projects the event topic into the events and loops indices and answers questions about loops. The
 * projection runner comes from the projection-runtime module's auto-configuration and runs this
 * service's {@code DocumentProjection} beans.
 */
@SpringBootApplication
@Import(QueryProblemResponses.class)
public class QueryServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(QueryServiceApplication.class, args);
    }
}
