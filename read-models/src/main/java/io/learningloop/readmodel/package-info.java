/**
 * The documents of the Elasticsearch indices, one record per index next to its template
 * ({@code elasticsearch/templates/}): {@link io.learningloop.readmodel.EventDocument},
 * {@link io.learningloop.readmodel.LoopDocument}, {@link io.learningloop.readmodel.LessonDocument}. The
 * projections write them and every reader (the loop API, analytics) reads them, so a field has one name
 * in one place; {@code ReadModelTemplatesTest} keeps each record and its template in step. The status
 * enums carry the wire names the documents store and Kibana filters on.
 */
package io.learningloop.readmodel;
