/** The lessons index: one document per lesson, and whether (and how fast) it changed a later decision. */
package io.learningloop.analytics.lessons;
