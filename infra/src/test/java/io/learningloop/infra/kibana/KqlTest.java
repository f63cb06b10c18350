package io.learningloop.infra.kibana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learningloop.infra.kibana.Kql.Clause;
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
}
