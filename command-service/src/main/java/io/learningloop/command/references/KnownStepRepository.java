package io.learningloop.command.references;

import org.springframework.data.jpa.repository.JpaRepository;

interface KnownStepRepository extends JpaRepository<KnownStep, String> {
}
