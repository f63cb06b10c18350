package io.learningloop.projection;

import io.learningloop.readmodel.ParkReason;

/** A record one projection could not write, with why; the runner parks it in the dead-letters index. */
public record Parked(String projection, String topic, int partition, long offset, ParkReason kind, String reason) {}
