/**
 * The loops index: one document per decision ({@code LoopDocument}, in {@code read-models}), holding
 * every step of its loop (outcome, lessons drawn from it, behaviour changes those lessons caused) with
 * the stage timestamps and latencies that analysts chart in Kibana, plus the lessons a decision itself
 * applied. {@code LoopsProjection} hands each event to the reducer of the part it changes
 * ({@code Decisions}, {@code CheckIns}, {@code Actions}, {@code Outcomes}, {@code LessonsAndChanges},
 * {@code ReviewsAndShares}, {@code Corrections}); {@code LoopDerivation} alone derives stage, counts and
 * latencies; {@code LoopView} is what the API answers.
 */
package io.learningloop.query.loops;
