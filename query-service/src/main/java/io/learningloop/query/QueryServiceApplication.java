package io.learningloop.query;

import io.learningloop.problems.ProblemErrorController;
import io.learningloop.problems.QueryProblemResponses;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Projects the event topic into the events and loops indices and answers questions about loops. The
 * projection runner comes from the projection-runtime module's auto-configuration and runs this
 * service's {@code DocumentProjection} beans.
 */
@SpringBootApplication
@Import({QueryProblemResponses.class, ProblemErrorController.class})
public class QueryServiceApplication {

    /** The moment a loop is answered for: check-ins and actions whose dates passed read missed and overdue. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        SpringApplication.run(QueryServiceApplication.class, args);
    }
}
