package io.learningloop.health;

import org.springframework.boot.actuate.health.Status;

/**
 * The health status between UP and DOWN that every service shares: working, with less margin than
 * it should have. Answered with 200 (each service maps it so), so a load balancer keeps sending
 * traffic, while an operator sees in the component's details what is missing: parked records, a
 * failed rebuild, a Kafka partition or an Elasticsearch shard without all its copies.
 */
public final class Degraded {

    public static final Status STATUS =
            new Status("DEGRADED", "working with less margin than it should have: see the details");

    private Degraded() {}
}
