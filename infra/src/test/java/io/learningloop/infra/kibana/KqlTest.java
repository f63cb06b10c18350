package io.learningloop.infra.kibana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learningloop.testsupport.kibana.Kql;
import io.learningloop.testsupport.kibana.Kql.Clause;
import org.junit.jupiter.api.Test;

class KqlTest {

    @Test
    void anEmptyQueryNamesNoField() {
        assertThat(Kql.clauses("")).isEmpty();
        assertThat(Kql.clauses("  ")).isEmpty();
    }

    @Test
    void clausesJoinedByAndOrNotAndParenthesesAreAllFound() {
        assertThat(Kql.clauses("converted : true and not (stage:decided OR orgUnitPath : \"acme/eng and ops\")"))
                .containsExactly(
                        new Clause("converted", "true"),
                        new Clause("stage", "decided"),
                        new Clause("orgUnitPath", "acme/eng and ops"));
    }

    @Test
    void dottedFieldsAndExistsQueriesAreClauses() {
        assertThat(Kql.clauses("latency.decisionToOutcomeDays : *"))
                .containsExactly(new Clause("latency.decisionToOutcomeDays", "*"));
    }

    @Test
    void syntaxBeyondFieldColonValueIsRejectedRatherThanSkipped() {
        assertThatThrownBy(() -> Kql.clauses("latency.decisionToOutcomeDays >= 3"))
                .hasMessageContaining("cannot check KQL clause");
        assertThatThrownBy(() -> Kql.clauses("stage : (decided or pending)"))
                .hasMessageContaining("cannot check KQL clause");
        assertThatThrownBy(() -> Kql.clauses("free text")).hasMessageContaining("cannot check KQL clause");
    }

    /** The translation a panel test runs against Elasticsearch: precedence not > and > or, as in Kibana. */
    @Test
    void aQueryTranslatesToTheElasticsearchQueryKibanaSends() {
        assertThat(Kql.toQuery("").toString()).isEqualTo("{\"match_all\":{}}");
        assertThat(Kql.toQuery("not retracted : true and appliedChanges.behaviorChangeId : *")
                        .toString())
                .isEqualTo("{\"bool\":{\"filter\":[{\"bool\":{\"must_not\":[{\"match\":{\"retracted\":"
                        + "{\"query\":\"true\"}}}]}},{\"exists\":{\"field\":\"appliedChanges.behaviorChangeId\"}}]}}");
        assertThat(Kql.toQuery("verdict : ritual or verdict : partial and orgUnitPath : \"acme/qa\"")
                        .toString())
                .isEqualTo("{\"bool\":{\"should\":[{\"match\":{\"verdict\":{\"query\":\"ritual\"}}},"
                        + "{\"bool\":{\"filter\":[{\"match\":{\"verdict\":{\"query\":\"partial\"}}},"
                        + "{\"match_phrase\":{\"orgUnitPath\":\"acme/qa\"}}]}}],\"minimum_should_match\":1}}");
        assertThat(Kql.toQuery("not (a : 1 or b : 2)").toString())
                .isEqualTo("{\"bool\":{\"must_not\":[{\"bool\":{\"should\":[{\"match\":{\"a\":{\"query\":\"1\"}}},"
                        + "{\"match\":{\"b\":{\"query\":\"2\"}}}],\"minimum_should_match\":1}}]}}");
        assertThatThrownBy(() -> Kql.toQuery("latency.decisionToOutcomeDays >= 3"))
                .hasMessageContaining("cannot translate KQL query");
        assertThatThrownBy(() -> Kql.toQuery("(a : 1")).hasMessageContaining("missing )");
    }
}
