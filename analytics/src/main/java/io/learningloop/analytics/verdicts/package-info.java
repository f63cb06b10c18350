/**
 * The verdict indices: every review's verdict and every lesson's recurrences, recomputed on a schedule
 * with the rules of {@code metrics} (one place each) and written for Kibana, which cannot join the loops
 * they are made of (docs/decisions/0011-verdict-indices.md).
 */
package io.learningloop.analytics.verdicts;
