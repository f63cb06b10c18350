/**
 * The HTTP API for internal tools: one POST per step of a loop, JSON in, ids out, and every refusal
 * as RFC 9457 problem+json naming the fields at fault; plus {@code POST /steps/bulk}, many steps in one
 * NDJSON file. Both go through one mapping per kind of step ({@link io.learningloop.command.http.StepKinds}),
 * one binding and validation ({@link io.learningloop.command.http.StepBinder}) and one mapping of refusals
 * to problems ({@link io.learningloop.command.http.StepProblems}). The single-step routes are a registry
 * ({@link io.learningloop.command.http.StepRoutes}) that one controller answers and the OpenAPI document
 * is written from.
 */
package io.learningloop.command.http;
