package io.learningloop.analytics;

import io.learningloop.analytics.metrics.PrivacyProperties;
import io.learningloop.problems.ProblemErrorController;
import io.learningloop.problems.QueryProblemResponses;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Projects lessons into Elasticsearch and answers: how fast do loops close, and do lessons change anything?
 * The projection runner comes from the projection-runtime module's auto-configuration.
 */
@SpringBootApplication
@Import({QueryProblemResponses.class, ProblemErrorController.class})
@EnableConfigurationProperties(PrivacyProperties.class)
public class AnalyticsApplication {

    /** The year the trends report ends with by default: the last full one. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        SpringApplication.run(AnalyticsApplication.class, args);
    }
}
