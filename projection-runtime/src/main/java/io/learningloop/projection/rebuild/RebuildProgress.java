package io.learningloop.projection.rebuild;

import java.time.Instant;

/**
 * How far one rebuild is, as {@code GET /actuator/rebuild/{projection}} shows it and the gauges count it.
 *
 * @param alias the name readers use; {@code targetIndex} is moved behind it at the swap
 * @param previousIndex what the alias pointed at when the rebuild began (the alias's own name for a
 *     concrete index from before the aliases), kept for a rollback unless {@code deleteOld}
 * @param recordsDone records of the topic read so far, of {@code recordsTotal} (which grows while
 *     the rebuild catches up with records that arrived meanwhile)
 * @param eventsPerSecond records read per second since the build began
 * @param etaSeconds the remaining records at that rate; null before the first batch and once done
 * @param eventsSkipped events the projection threw on or Elasticsearch refused for good (the live
 *     runner parks the same events in the dead letters); undecodable records count here too
 */
public record RebuildProgress(
        String projection,
        RebuildPhase phase,
        String alias,
        String targetIndex,
        String previousIndex,
        boolean deleteOld,
        long recordsDone,
        long recordsTotal,
        double eventsPerSecond,
        Long etaSeconds,
        long documentsWritten,
        long eventsSkipped,
        Instant startedAt,
        Instant finishedAt,
        String error) {

    public boolean finished() {
        return phase == RebuildPhase.DONE || phase == RebuildPhase.FAILED;
    }
}
