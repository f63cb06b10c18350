/**
 * What the services' tests share, as a plain jar in their test scope: where the local stack runs
 * ({@code LL_*} variables) and unique names per test, events as the command service publishes them,
 * a writer and a reader of a test's own topic, waiting for a consumer group to catch up, the
 * properties that point a projecting service at its own topic and indices, and a service started
 * from its executable jar for end-to-end tests.
 */
package io.learningloop.testsupport;
