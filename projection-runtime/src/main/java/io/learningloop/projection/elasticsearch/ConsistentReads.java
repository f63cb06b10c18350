package io.learningloop.projection.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;

/**
 * A client for reads that never go back in time, wherever they are served from.
 *
 * <p>With replicas, each copy of a shard refreshes on its own schedule: a document just seen on the
 * primary can be missing from the replica for up to a refresh interval, so two reads in a row could
 * answer "there" and then "not there", even from the same caller (a load balancer sends them to
 * different instances, Elasticsearch to different copies). Every read of every service therefore
 * carries the same custom {@code preference}: while the cluster's shard copies stay the same,
 * Elasticsearch sends it to the same copy of each shard, and what that copy has shown it keeps
 * showing. When a node leaves, the reads move to the remaining copy once, as they must.
 *
 * <p>Only for reads ({@code _search}, {@code _count}, {@code _mget}, {@code _doc}): Elasticsearch
 * refuses the parameter on writes, so writers keep the plain client. {@code _msearch} refuses it too:
 * there it belongs in each search's header ({@link #PREFERENCE}), sent through the plain client.
 */
public final class ConsistentReads {

    /** Any string not starting with {@code _}; the same in every service, so they all read the same copies. */
    public static final String PREFERENCE = "learning-loop";

    private ConsistentReads() {}

    /** {@code client} with every request carrying the shared preference. */
    public static ElasticsearchClient of(ElasticsearchClient client) {
        return client.withTransportOptions(options -> options.setParameter("preference", PREFERENCE));
    }
}
