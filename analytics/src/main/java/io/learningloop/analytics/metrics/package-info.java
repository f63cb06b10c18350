/**
 * The metrics: stage-latency percentiles and learning conversion, per org unit (rolled up), decision
 * category and period. Every answer names the definition it used, so a number is never read wrong.
 */
package io.learningloop.analytics.metrics;
