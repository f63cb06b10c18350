package io.learningloop.query.loops;

import io.learningloop.access.Caller;
import io.learningloop.problems.InvalidQueryException;
import io.learningloop.problems.NotFoundException;
import io.learningloop.problems.QueryParameters;
import io.learningloop.readmodel.EventDocument;
import io.learningloop.readmodel.LoopDocument;
import io.learningloop.readmodel.LoopStage;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** One loop with its timeline, and a search over loops. */
@RestController
class LoopController {

    /** A loop still waiting for its decision is never answered, so it cannot be asked for either. */
    private static final List<LoopStage> STAGES = LoopStage.ofDecidedLoops();

    private static final int MAX_PAGE_SIZE = 500;

    /** Elasticsearch's {@code index.max_result_window}: from + size beyond it is refused by the index. */
    private static final int MAX_PAGED_THROUGH = 10_000;

    private final LoopSearch search;
    private final Clock clock;
    private final Duration checkInTolerance;

    LoopController(
            LoopSearch search,
            Clock clock,
            @Value("${learning-loop.deadlines.check-in-tolerance:P3D}") Duration checkInTolerance) {
        this.search = search;
        this.clock = clock;
        this.checkInTolerance = checkInTolerance;
    }

    record LoopWithTimeline(LoopView loop, List<EventDocument> timeline) {}

    record LoopsPage(long total, List<LoopView> loops) {}

    /** A loop outside the key's units reads as one that does not exist: its existence is not the caller's to learn. */
    @GetMapping("/loops/{decisionId}")
    LoopWithTimeline loop(@AuthenticationPrincipal Caller caller, @PathVariable String decisionId) throws IOException {
        QueryParameters.checkId("decisionId", decisionId);
        LoopDocument loop = search.loop(decisionId)
                .filter(found -> caller.covers(found.orgUnit()))
                .orElseThrow(() -> new NotFoundException("no loop for decision '" + decisionId + "'"));
        return new LoopWithTimeline(
                LoopView.asOf(loop, clock.instant(), checkInTolerance), search.timeline(decisionId));
    }

    @GetMapping("/loops")
    LoopsPage loops(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) String orgUnit,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String stage,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size)
            throws IOException {
        QueryParameters.check(orgUnit, category, from, to);
        LoopStage asked = stage == null ? null : stage(stage);
        QueryParameters.checkPage(page, size, MAX_PAGE_SIZE, MAX_PAGED_THROUGH);
        LoopSearch.Page found =
                search.search(new LoopCriteria(caller.unitsToRead(orgUnit), category, asked, from, to, page, size));
        Instant now = clock.instant();
        return new LoopsPage(
                found.total(),
                found.loops().stream()
                        .map(loop -> LoopView.asOf(loop, now, checkInTolerance))
                        .toList());
    }

    private static LoopStage stage(String wireName) {
        return STAGES.stream()
                .filter(stage -> stage.wireName().equals(wireName))
                .findFirst()
                .orElseThrow(() -> new InvalidQueryException(
                        "stage",
                        "'" + wireName + "' is not one of "
                                + STAGES.stream().map(LoopStage::wireName).toList()));
    }
}
