package io.learningloop.contract.events;

/**
 * One root cause a review found: a theme from the controlled vocabulary (so causes can be counted
 * across reviews) and the review's own words.
 */
public record RootCause(String theme, String text) {}
