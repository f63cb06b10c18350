package io.learningloop.projection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which refusals of Elasticsearch park a record (permanent) and which retry the batch (transient). */
class RefusalsTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        // A document Elasticsearch cannot hold: the same every time.
        "400, mapper_parsing_exception",
        "400, document_parsing_exception",
        "400, strict_dynamic_mapping_exception",
        "400, illegal_argument_exception",
        "400, x_content_parse_exception",
        "400, some_future_bad_request",
        "413, request_entity_too_large",
        "413, ''",
    })
    void permanentRefusalsPark(int status, String type) {
        assertThat(Refusals.permanent(status, type)).isTrue();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        // Busy, down or slow: the same write succeeds later.
        "429, es_rejected_execution_exception",
        "429, circuit_breaking_exception",
        "500, illegal_argument_exception",
        "502, ''",
        "503, unavailable_shards_exception",
        "503, cluster_block_exception",
        "504, timeout_exception",
        "404, index_not_found_exception",
        "408, ''",
    })
    void transientFailuresRetry(int status, String type) {
        assertThat(Refusals.permanent(status, type)).isFalse();
    }
}
