package io.learningloop.command;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class Clocks {

    /** The server's clock for {@code recordedAt}; a bean so that tests can fix time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
