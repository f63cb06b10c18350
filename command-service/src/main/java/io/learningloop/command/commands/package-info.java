/** The commands the command service accepts: one per step of a learning loop, all records. */
package io.learningloop.command.commands;
