/**
 * The statistics every figure carries so that it is read with its uncertainty: rates with their Wilson
 * intervals ({@code Proportion}), and the tests that decide whether a trend changed.
 */
package io.learningloop.analytics.statistics;
