/**
 * The event contract every Learning Loop service shares: what a step of a learning loop says, the
 * names and revisions under which it travels over Kafka, and the org-unit path rules. No Spring here.
 */
package io.learningloop.contract;
