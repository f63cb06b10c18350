/** RFC 7807 problem+json for every service: one shape of refusal, with the fields at fault. */
package io.learningloop.infra.http;
