package io.learningloop.analytics.metrics;

import java.time.LocalDate;

/**
 * Which loops a metric covers: an org unit with everything below it, optionally one decision
 * category, and a period ({@code from} inclusive, {@code to} exclusive, UTC days) in which the loop
 * started, that is, in which the decision was made or the lesson recorded.
 */
record Cohort(String orgUnit, String category, LocalDate from, LocalDate to) {
}
