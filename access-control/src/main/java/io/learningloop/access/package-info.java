/**
 * Who may do what: API keys, their scopes ({@link io.learningloop.access.Scope}) and org-unit subtrees,
 * the caller of a request ({@link io.learningloop.access.Caller}). {@code keys} holds the key format, the
 * key table and its command line; {@code web} the Spring Security chain every service runs.
 */
package io.learningloop.access;
