package io.learningloop.projection.elasticsearch;

/**
 * The names of the indices. A prefix separates deployments (and gives every integration test its
 * own indices); Kibana's saved objects use the default prefix {@code learning-loop-}.
 */
public record Indices(String prefix) {

    public static final String DEFAULT_PREFIX = "learning-loop-";

    /** One document per event, {@code _id} = event id: the raw timeline. */
    public String events() {
        return prefix + "events";
    }

    /** One document per decision: stage timestamps and latencies of its loop. */
    public String loops() {
        return prefix + "loops";
    }

    /** One document per lesson: did it change a later decision? */
    public String lessons() {
        return prefix + "lessons";
    }

    /** One document per review with its verdict, recomputed by analytics (Kibana cannot join the loops). */
    public String reviews() {
        return prefix + "reviews";
    }

    /** One document per lesson with a theme and the reviews that named it again, recomputed by analytics. */
    public String relearning() {
        return prefix + "relearning";
    }

    /** One document per record a projection parked: see {@code DeadLetters}. */
    public String deadLetters() {
        return prefix + "dead-letters";
    }
}
