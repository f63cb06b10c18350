/**
 * Kibana does not run in the build, so these tests stand in for it: every field that the shipped
 * saved objects ({@code infra/kibana/learning-loop.ndjson}) use, in visualisations and KQL queries,
 * must exist in the index templates of the projection runtime with the type Kibana needs.
 */
package io.learningloop.infra.kibana;
