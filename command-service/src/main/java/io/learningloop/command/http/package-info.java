/**
 * The HTTP API for internal tools: one POST per step of a loop, JSON in, ids out, and every refusal
 * as RFC 7807 problem+json naming the fields at fault.
 */
package io.learningloop.command.http;
