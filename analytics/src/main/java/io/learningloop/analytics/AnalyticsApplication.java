package io.learningloop.analytics;

import io.learningloop.infra.http.QueryProblemResponses;
import io.learningloop.infra.spring.ProjectionServiceConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** Projects lessons into Elasticsearch and answers: how fast do loops close, and do lessons change anything? */
@SpringBootApplication
@Import({ProjectionServiceConfiguration.class, QueryProblemResponses.class})
public class AnalyticsApplication {

    public static void main(String[] args) {
        SpringApplication.run(AnalyticsApplication.class, args);
    }
}
