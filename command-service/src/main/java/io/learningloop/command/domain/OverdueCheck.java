package io.learningloop.command.domain;

import java.time.Instant;

/** The payload of an action's due-date deadline: when it fell due, and when it was checked. */
public record OverdueCheck(Instant dueEnd, Instant checkAt) {}
