/**
 * How the services meet their infrastructure: the event JSON mapping, the Kafka topic and its
 * settings, Elasticsearch index templates and client, the Kafka-to-Elasticsearch projection runner,
 * and health indicators. The local stack launcher itself is the script {@code infra/stack/stack}.
 */
package io.learningloop.infra;
