/**
 * The metrics: stage-latency percentiles, learning conversion and the practice signals (check-in
 * discipline, follow-through, safety, calibration, spread) per org unit (rolled up), decision category
 * and period, and the year-over-year report built from them. Every answer names the definition it
 * used, so a number is never read wrong.
 */
package io.learningloop.analytics.metrics;
