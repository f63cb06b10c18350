/**
 * The indices the projections write and the read APIs search: their names under a deployment's
 * prefix, and the installation of the index templates (shipped by {@code read-models}) that give every
 * field an explicit type before anything is indexed. Kibana's saved objects rely on these mappings
 * ({@code infra/kibana}, checked by the infra module's tests).
 */
package io.learningloop.projection.elasticsearch;
