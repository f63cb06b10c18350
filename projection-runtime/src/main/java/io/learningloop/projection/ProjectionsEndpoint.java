package io.learningloop.projection;

import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@code /actuator/projections}: GET shows how far the projection runner is; POST replays the whole
 * topic (to rebuild documents after a projection changed). Progress of a replay goes to the log.
 */
@Endpoint(id = "projections")
public class ProjectionsEndpoint {

    private final ProjectionRunner runner;

    public ProjectionsEndpoint(ProjectionRunner runner) {
        this.runner = runner;
    }

    @ReadOperation
    public ProjectionStatus status() {
        return runner.status();
    }

    @WriteOperation
    public Map<String, String> replay() {
        runner.requestReplay();
        return Map.of("replay", "requested; progress is logged every 10 seconds");
    }
}
