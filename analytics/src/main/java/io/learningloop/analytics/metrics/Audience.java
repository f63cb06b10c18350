package io.learningloop.analytics.metrics;

/**
 * Who reads an answer, as far as what it may show: an analyst ({@code loops:read}) sees the detail anyway
 * and gets every figure; org-development staff ({@code reports:read}) get aggregates only, and no figure
 * computed over fewer than {@code minGroupSize} distinct people (docs/privacy-min-group.md).
 *
 * @param minGroupSize the fewest distinct people a figure may describe; 0 withholds nothing
 */
record Audience(int minGroupSize) {

    /** The analyst: nothing withheld. */
    static final Audience DETAIL = new Audience(0);

    static Audience aggregatesOnly(int minGroupSize) {
        return new Audience(minGroupSize);
    }

    /** A fresh record of what one answer withholds. */
    Withholding withholding() {
        return new Withholding(minGroupSize);
    }
}
