/**
 * Which version of the written definitions ({@code docs/metrics.md}) an answer was computed by, so that a
 * figure quoted in a post-mortem or a board paper can be traced to the rule that made it.
 */
package io.learningloop.analytics.definitions;
