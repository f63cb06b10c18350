/**
 * Evidence of learning (issue 9, point 1): the decisions made in a year that a behaviour change ties to
 * a lesson recorded in the learned period, one chain per (decision, change, lesson), with what makes each
 * convincing. Served from the loops index (the changed decision's {@code appliedChanges}) and the lessons
 * index (the lesson's text and the changes that still cite it), never by reading every loop; see
 * {@code docs/decisions/0010-evidence.md}.
 */
package io.learningloop.analytics.evidence;
