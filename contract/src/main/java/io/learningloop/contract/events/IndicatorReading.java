package io.learningloop.contract.events;

/** A reading of one of the decision's leading indicators at a check-in, in the team's own words. */
public record IndicatorReading(String indicator, String value, String note) {}
