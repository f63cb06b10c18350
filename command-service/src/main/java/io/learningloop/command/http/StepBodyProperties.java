package io.learningloop.command.http;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The size limit of a request body other than a bulk file (a single step): a step is a few hundred
 * bytes, so a megabyte leaves room for long texts and lists while a body meant to exhaust the service
 * is refused (413) before it is read whole ({@link StepBodyLimit}).
 *
 * @param maxBody bytes per body
 */
@ConfigurationProperties("learning-loop.steps")
record StepBodyProperties(@DefaultValue("1MB") DataSize maxBody) {}
