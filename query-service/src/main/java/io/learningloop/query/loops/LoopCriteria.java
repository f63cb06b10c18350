package io.learningloop.query.loops;

import io.learningloop.readmodel.LoopStage;
import java.time.LocalDate;

/**
 * Which loops to list: org unit (with everything below it), category, stage, and the period in
 * which the decision was made ({@code from} inclusive, {@code to} exclusive, UTC days).
 */
record LoopCriteria(
        String orgUnit, String category, LoopStage stage, LocalDate from, LocalDate to, int page, int size) {}
