package io.learningloop.command.references;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface KnownStepRepository extends JpaRepository<KnownStep, String> {

    /** The live steps that name {@code id}. */
    @Query(
            value = "select step.* from known_step step join step_reference reference"
                    + " on reference.step_id = step.step_id where reference.referenced_id = :id and not step.retracted",
            nativeQuery = true)
    List<KnownStep> dependentsOf(String id);

    @Modifying
    @Query(
            value = "insert into step_reference (step_id, referenced_id) values (:stepId, :referencedId)"
                    + " on conflict do nothing",
            nativeQuery = true)
    void addReference(String stepId, String referencedId);

    @Modifying
    @Query("update KnownStep step set step.occurredAt = :occurredAt where step.stepId = :stepId")
    void moveTo(String stepId, Instant occurredAt);

    @Modifying
    @Query("update KnownStep step set step.retracted = true where step.stepId = :stepId")
    void retract(String stepId);
}
