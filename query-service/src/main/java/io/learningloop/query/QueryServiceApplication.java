package io.learningloop.query;

import io.learningloop.infra.spring.ProjectionServiceConfiguration;
import io.learningloop.problems.QueryProblemResponses;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** Projects the event topic into the events and loops indices and answers questions about loops. */
@SpringBootApplication
@Import({ProjectionServiceConfiguration.class, QueryProblemResponses.class})
public class QueryServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(QueryServiceApplication.class, args);
    }
}
