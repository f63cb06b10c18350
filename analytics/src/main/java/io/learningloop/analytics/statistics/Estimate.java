package io.learningloop.analytics.statistics;

/**
 * A figure as a reader should take it: its value, how many cases it stands on, and its 95 % interval
 * (null ends where the sample is too small to have one). {@link Significance} compares two of the same
 * kind, each by the test that suits it.
 */
public sealed interface Estimate permits Proportion, Mean, Median, KaplanMeier.Cumulative {

    /** The figure itself; null when there was nothing to measure. */
    Double value();

    /** The cases it stands on: the denominator of a rate, the values of a mean or a median. */
    long n();

    Double lower95();

    Double upper95();
}
