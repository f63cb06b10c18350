package io.learningloop.command;

import io.learningloop.access.keys.KeysCommand;
import io.learningloop.command.demo.DemoDataLoader;
import io.learningloop.problems.ProblemErrorController;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** Accepts the steps of learning loops over HTTP, stores them as events and publishes them to Kafka. */
@SpringBootApplication
@Import(ProblemErrorController.class)
public class CommandServiceApplication {

    /**
     * {@code java -jar command-service.jar [load-demo --target=URL | keys …]}: the service, the demo loader,
     * or the key command line ({@link KeysCommand}).
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("load-demo")) {
            DemoDataLoader.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("keys")) {
            KeysCommand.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        // Axon 4.13 otherwise calls home every few seconds; no launch of ours should, whatever its flags.
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(CommandServiceApplication.class, args);
    }
}
