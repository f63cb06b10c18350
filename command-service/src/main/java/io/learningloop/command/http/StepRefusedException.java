package io.learningloop.command.http;

import org.springframework.http.ResponseEntity;

/** A step refused before it was sent, with the problem to answer ({@link ProblemResponses} answers it). */
class StepRefusedException extends RuntimeException {

    private final transient ResponseEntity<Object> problem;

    StepRefusedException(ResponseEntity<Object> problem) {
        super(null, null, false, false);
        this.problem = problem;
    }

    ResponseEntity<Object> problem() {
        return problem;
    }
}
