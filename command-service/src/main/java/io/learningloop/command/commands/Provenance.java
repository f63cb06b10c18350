package io.learningloop.command.commands;

import java.time.Instant;

/** What the posting tool says about a step: where and when it happened, and who posted it. */
public record Provenance(String orgUnit, Instant occurredAt, String sourceTool, String actor) {}
