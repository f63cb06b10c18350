package io.learningloop.projection.rebuild;

import java.util.List;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.http.HttpStatus;
import org.springframework.lang.Nullable;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /actuator/rebuild} (admin keys only, like every actuator endpoint): {@code POST
 * /actuator/rebuild/{projection}} starts a rebuild into a fresh versioned index and answers at once
 * (body {@code {"deleteOld": true}} deletes the previous index after the swap; by default it is kept
 * for a rollback); {@code GET /actuator/rebuild/{projection}} shows its progress, {@code GET
 * /actuator/rebuild} every projection's latest. {@code ./platform rebuild} drives both (docs/rebuild.md).
 */
@Endpoint(id = "rebuild")
public class RebuildEndpoint {

    private final Rebuilds rebuilds;

    public RebuildEndpoint(Rebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    public record Overview(List<String> projections, List<RebuildProgress> rebuilds) {}

    @ReadOperation
    public Overview all() {
        return new Overview(rebuilds.names(), rebuilds.all());
    }

    @ReadOperation
    public RebuildProgress one(@Selector String projection) {
        known(projection);
        return rebuilds.progress(projection)
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "no rebuild of " + projection + " since this service started"));
    }

    @WriteOperation
    public RebuildProgress start(@Selector String projection, @Nullable Boolean deleteOld) {
        known(projection);
        try {
            return rebuilds.start(projection, Boolean.TRUE.equals(deleteOld));
        } catch (Rebuilds.BusyException e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage());
        }
    }

    private void known(String projection) {
        if (!rebuilds.names().contains(projection)) {
            throw new ResponseStatusException(
                    HttpStatus.NOT_FOUND,
                    "no projection '" + projection + "' here; this service rebuilds " + rebuilds.names());
        }
    }
}
