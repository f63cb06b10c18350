/**
 * A small, deterministic demo history (three years, five org units) posted over HTTP to a running
 * command service, exactly as internal tools would: {@code java -jar command-service.jar load-demo}.
 */
package io.learningloop.command.demo;
