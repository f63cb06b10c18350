/**
 * The loops index: one document per decision, holding every step of its loop (outcome, lessons drawn
 * from it, behaviour changes those lessons caused) with the stage timestamps and latencies that
 * analysts chart in Kibana, plus the lessons a decision itself applied.
 */
package io.learningloop.query.loops;
