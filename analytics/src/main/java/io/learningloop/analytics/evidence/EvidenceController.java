package io.learningloop.analytics.evidence;

import io.learningloop.access.Caller;
import io.learningloop.analytics.evidence.Evidence.Answer;
import java.io.IOException;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /analytics/evidence: the decisions of a year made differently because of a lesson of the learned
 * period, for analysts ({@code loops:read}, see AccessConfiguration), inside the caller's units.
 */
@RestController
class EvidenceController {

    private final EvidenceQuery query;

    EvidenceController(EvidenceQuery query) {
        this.query = query;
    }

    @GetMapping("/analytics/evidence")
    Answer evidence(
            @RequestParam(required = false) String orgUnit,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate learnedFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate learnedTo,
            @RequestParam(required = false) Integer limit,
            @AuthenticationPrincipal Caller caller)
            throws IOException {
        return query.answer(EvidenceRequest.of(caller, orgUnit, year, learnedFrom, learnedTo, limit));
    }
}
