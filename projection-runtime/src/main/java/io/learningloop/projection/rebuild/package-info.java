/**
 * Rebuilds of a projection into a fresh versioned index from offset 0 of the topic, swapped in by
 * alias while the live index serves ({@code /actuator/rebuild}, decision 0012).
 */
package io.learningloop.projection.rebuild;
