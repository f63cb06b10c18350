/**
 * The lessons index: one {@code LessonDocument} (in {@code read-models}) per lesson, and whether (and
 * how fast) it changed a later decision; {@code Lessons} holds the reducers the projection applies.
 */
package io.learningloop.analytics.lessons;
