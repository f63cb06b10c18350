/**
 * Kafka's state in {@code /actuator/health}, for every service that talks to the event topic: the
 * command service, which publishes, and the projecting services. It is its own module because the
 * command service needs it without the projection runtime.
 */
package io.learningloop.health;
