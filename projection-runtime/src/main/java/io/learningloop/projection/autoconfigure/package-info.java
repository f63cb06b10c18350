/**
 * The Spring Boot auto-configuration that turns a service depending on this module into a projecting
 * service: templates and topic first, then the runner over the service's {@code DocumentProjection}
 * beans, with its health and {@code /actuator/projections}. Configured under {@code learning-loop.*}.
 */
package io.learningloop.projection.autoconfigure;
