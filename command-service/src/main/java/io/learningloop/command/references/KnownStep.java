package io.learningloop.command.references;

import io.learningloop.contract.LoopStep;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.data.domain.Persistable;

/** One accepted step: its id, its kind, when it happened, its decisions where it has any, and whether it was retracted. */
@Entity
@Table(name = "known_step")
class KnownStep implements Persistable<String> {

    @Id
    @Column(name = "step_id", length = 100)
    private String stepId;

    @Column(name = "kind", nullable = false, length = 32)
    @Convert(converter = StepColumn.class)
    private LoopStep kind;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    /** Space-separated: step ids cannot contain spaces. */
    @Column(name = "decision_ids", length = 4000)
    private String decisionIds;

    /** A retracted step keeps its id, but nothing new may refer to it. */
    @Column(name = "retracted", nullable = false)
    private boolean retracted;

    /**
     * A step is recorded once (the domain refuses a used id), so saving a new one is an insert: without
     * this, Spring Data's save merges, reading the row first (a query per step, issue 10).
     */
    @Transient
    private boolean created = true;

    protected KnownStep() {
        // for JPA
    }

    @PostLoad
    @PostPersist
    void stored() {
        created = false;
    }

    @Override
    public String getId() {
        return stepId;
    }

    @Override
    public boolean isNew() {
        return created;
    }

    KnownStep(String stepId, LoopStep kind, Instant occurredAt, List<String> decisionIds) {
        this.stepId = stepId;
        this.kind = kind;
        this.occurredAt = occurredAt;
        this.decisionIds = String.join(" ", decisionIds);
    }

    String stepId() {
        return stepId;
    }

    LoopStep kind() {
        return kind;
    }

    Instant occurredAt() {
        return occurredAt;
    }

    boolean retracted() {
        return retracted;
    }

    List<String> decisionIds() {
        return decisionIds == null || decisionIds.isEmpty() ? List.of() : Arrays.asList(decisionIds.split(" "));
    }
}
