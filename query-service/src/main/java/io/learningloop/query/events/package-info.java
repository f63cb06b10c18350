/** The events index: every event once, as it was published, for timelines and Kibana's Discover. */
package io.learningloop.query.events;
