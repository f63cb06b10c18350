package io.learningloop.command;

import io.learningloop.command.domain.DeadlinePolicy;
import io.learningloop.command.domain.RootCauseThemes;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The domain's settings, injected into the aggregates' command handlers by Axon. */
@Configuration(proxyBeanMethods = false)
class DomainConfiguration {

    @Bean
    RootCauseThemes rootCauseThemes(@Value("${learning-loop.root-cause-themes.extra:}") List<String> extra) {
        return RootCauseThemes.standardPlus(extra);
    }

    @Bean
    DeadlinePolicy deadlinePolicy(
            @Value("${learning-loop.deadlines.backfill-grace:P1D}") Duration backfillGrace,
            @Value("${learning-loop.deadlines.check-in-tolerance:P3D}") Duration tolerance) {
        return new DeadlinePolicy(backfillGrace, tolerance);
    }
}
