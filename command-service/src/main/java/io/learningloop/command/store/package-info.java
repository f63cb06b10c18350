/** How the Axon event store sits on PostgreSQL: bytea columns and a gap-free global index. */
package io.learningloop.command.store;
