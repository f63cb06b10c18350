package io.learningloop.projection;

import java.time.Instant;

/** What the runner last did, for the health endpoint: a failing projection shows its last error. */
public record ProjectionStatus(long recordsCommitted, Instant lastCommitAt, String lastError, Instant failingSince) {

    static ProjectionStatus starting() {
        return new ProjectionStatus(0, null, null, null);
    }

    ProjectionStatus committed(int records, Instant at) {
        return new ProjectionStatus(recordsCommitted + records, at, null, null);
    }

    ProjectionStatus failed(Exception error, Instant at) {
        return new ProjectionStatus(
                recordsCommitted, lastCommitAt, error.toString(), failingSince == null ? at : failingSince);
    }

    public boolean failing() {
        return failingSince != null;
    }
}
