package io.learningloop.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Accepts the steps of learning loops over HTTP, stores them as events and publishes them to Kafka. */
@SpringBootApplication
public class CommandServiceApplication {

    public static void main(String[] args) {
        // Axon 4.13 otherwise calls home every few seconds; no launch of ours should, whatever its flags.
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(CommandServiceApplication.class, args);
    }
}
