package io.learningloop.command.domain;

import java.time.Instant;
import java.time.LocalDate;

/** The payload of a check-in's deadline: the planned date, when it counts as missed, when it is checked. */
public record CheckInCheck(LocalDate scheduledFor, Instant missedAt, Instant checkAt) {}
