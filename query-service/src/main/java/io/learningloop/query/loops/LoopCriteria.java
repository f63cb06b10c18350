package io.learningloop.query.loops;

import io.learningloop.readmodel.LoopStage;
import java.time.LocalDate;
import java.util.List;

/**
 * Which loops to list: org units (each with everything below it: the one asked for, narrowed to what the
 * caller's key covers), category, stage, and the period in which the decision was made ({@code from}
 * inclusive, {@code to} exclusive, UTC days).
 */
record LoopCriteria(
        List<String> orgUnits, String category, LoopStage stage, LocalDate from, LocalDate to, int page, int size) {}
