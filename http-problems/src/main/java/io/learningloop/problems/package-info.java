/**
 * RFC 9457 problem+json for every service: one shape of refusal, with the fields at fault.
 * {@link io.learningloop.problems.Problems} builds the answers; the read APIs (query service,
 * analytics) share their filter checks ({@link io.learningloop.problems.QueryParameters}) and
 * {@code @Import} their refusals ({@link io.learningloop.problems.QueryProblemResponses}); the command
 * service maps its own refusals with the same builder.
 */
package io.learningloop.problems;
