package io.learningloop.command.commands;

/**
 * Who corrects a step and why, with what the server adds: every amendment and retraction carries one.
 * The tool and actor are the corrector's, which need not be those of the step corrected.
 */
public record Correction(Stamp stamp, String sourceTool, String actor, String reason) {}
