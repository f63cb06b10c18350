/**
 * The whole platform from the outside: the three services run from their executable jars (built by
 * this reactor, located by Maven and handed over as {@code learningloop.jar.*} system properties)
 * against the real PostgreSQL, Kafka and Elasticsearch, and are driven over HTTP only.
 */
package io.learningloop.endtoend;
