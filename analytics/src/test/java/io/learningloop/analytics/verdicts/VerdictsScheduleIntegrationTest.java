package io.learningloop.analytics.verdicts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.learningloop.projection.elasticsearch.Indices;
import io.learningloop.testsupport.LocalStack;
import io.learningloop.testsupport.ProjectionServiceTestProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With the schedule on (an hour, so only the first run can happen during the test), the verdict
 * indices are created at start and written once right after it, before any interval passed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "learning-loop.verdicts.refresh=PT1H")
class VerdictsScheduleIntegrationTest {

    static final String PREFIX = LocalStack.uniqueName("it-schedule-") + "-";

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry properties) {
        ProjectionServiceTestProperties.register(
                properties,
                LocalStack.uniqueName("it-schedule-events-"),
                LocalStack.uniqueName("it-schedule-analytics-"),
                PREFIX);
    }

    @Autowired
    MeterRegistry meters;

    @Autowired
    ElasticsearchClient elasticsearch;

    @Test
    void theFirstRunFollowsTheStart() throws Exception {
        Indices indices = new Indices(PREFIX);
        assertThat(elasticsearch
                        .indices()
                        .exists(exists -> exists.index(indices.reviews(), indices.relearning()))
                        .value())
                .isTrue();
        // The loops index does not exist here: the first run fails (and is counted), or finds nothing.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> meters.find("learning_loop.verdicts.run").timers().stream()
                                .mapToLong(timer -> timer.count())
                                .sum()
                        == 1);
    }
}
