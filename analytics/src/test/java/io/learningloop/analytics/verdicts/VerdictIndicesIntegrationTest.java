package io.learningloop.analytics.verdicts;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.learningloop.contract.events.ReviewKind;
import io.learningloop.projection.elasticsearch.Indices;
import io.learningloop.readmodel.RelearningDocument;
import io.learningloop.readmodel.RelearningDocument.Recurrence;
import io.learningloop.readmodel.ReviewVerdictDocument;
import io.learningloop.testsupport.LocalStack;
import io.learningloop.testsupport.ProjectionServiceTestProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The writer on the real stack, over the hand-made history of {@link VerdictHistory}: every document it
 * writes is compared with one worked out by hand (judgedAt and generation are the run's), then a loop and
 * a lesson are retracted and their documents are gone after the next run.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        // the test runs the writer itself: no scheduled run may interleave; one document (and one review
        // id) per page, so that a review's loops and the lessons lie on pages of their own, as at scale
        properties = {"learning-loop.verdicts.refresh=0", "learning-loop.analytics.read-page=1"})
class VerdictIndicesIntegrationTest {

    static final String PREFIX = LocalStack.uniqueName("it-verdicts-") + "-";

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry properties) {
        ProjectionServiceTestProperties.register(
                properties,
                LocalStack.uniqueName("it-verdicts-events-"),
                LocalStack.uniqueName("it-verdicts-analytics-"),
                PREFIX);
    }

    @Autowired
    ElasticsearchClient elasticsearch;

    @Autowired
    VerdictsWriter writer;

    @Autowired
    MeterRegistry meters;

    private final Indices indices = new Indices(PREFIX);

    private static final List<String> QA = List.of("acme", "acme/qa");
    private static final List<String> QA_SUB = List.of("acme", "acme/qa", "acme/qa/sub");
    private static final ReviewKind RETRO = ReviewKind.RETROSPECTIVE;

    @Test
    void everyReviewGetsItsVerdictAndEveryThemedLessonItsRecurrencesAndRetractedOnesGoAtTheNextRun()
            throws IOException {
        VerdictHistory history = new VerdictHistory(elasticsearch, indices);
        history.write();

        VerdictsWriter.Run first = writer.run();

        // r6 lies in a retracted loop: no document. Settling window 180 days after the review:
        // r1 2025-02-01 + 180 = 2025-07-31 (Feb 28 + Mar 31 + Apr 30 + May 31 + Jun 30 = 150 to Jul 1, + 30);
        // r2 2024-04-01 + 180 = 2024-09-28 (Apr 30 + May 31 + Jun 30 + Jul 31 + Aug 31 = 153 to Sep 1, + 27);
        // r3 2025-04-01 + 180 = 2025-09-28 (the same months); r5 2025-08-15 + 180 = 2026-02-11
        // (16 to Aug 31, + Sep 30 + Oct 31 + Nov 30 + Dec 31 + Jan 31 = 169 to Jan 31, + 11).
        // r1: root cause named, its 1 action completed, its lesson l1 changed d2: practice.
        // r2: settled, no lesson, its 1 action open: ritual. r5: settled, nothing at all: ritual.
        // r3: settled, 1 of 2 actions completed, no lesson drawn (l2 predates it): partial.
        // r4: nothing yet and held 10 days ago: pending.
        LocalDate r4Settles =
                LocalDate.ofInstant(VerdictHistory.PENDING_HELD.plus(Duration.ofDays(180)), ZoneOffset.UTC);
        List<ReviewVerdictDocument> expectedReviews = List.of(
                review(
                        "r1",
                        "acme/qa",
                        QA,
                        "2025-02-01T00:00:00Z",
                        true,
                        List.of("handoff"),
                        "d1",
                        "2025-01-10T00:00:00Z",
                        1,
                        1,
                        1,
                        1,
                        "practice",
                        "2025-07-31",
                        first),
                review(
                        "r2",
                        "acme/qa",
                        QA,
                        "2024-04-01T00:00:00Z",
                        false,
                        List.of(),
                        "d3",
                        "2024-03-01T00:00:00Z",
                        1,
                        0,
                        0,
                        0,
                        "ritual",
                        "2024-09-28",
                        first),
                review(
                        "r3",
                        "acme/qa/sub",
                        QA_SUB,
                        "2025-04-01T00:00:00Z",
                        false,
                        List.of("handoff", "tooling"),
                        "d4",
                        "2025-03-01T00:00:00Z",
                        2,
                        1,
                        0,
                        0,
                        "partial",
                        "2025-09-28",
                        first),
                review(
                        "r4",
                        "acme/qa",
                        QA,
                        VerdictHistory.PENDING_HELD.toString(),
                        true,
                        List.of("tooling"),
                        "d5",
                        VerdictHistory.PENDING_DECIDED.toString(),
                        0,
                        0,
                        0,
                        0,
                        "pending",
                        r4Settles.toString(),
                        first),
                review(
                        "r5",
                        "acme/qa",
                        QA,
                        "2025-08-15T00:00:00Z",
                        false,
                        List.of(),
                        "d7",
                        "2025-08-01T00:00:00Z",
                        0,
                        0,
                        0,
                        0,
                        "ritual",
                        "2026-02-11",
                        first));
        // l1 (handoff, 2025-02-05, acme/qa) comes back in r3 (acme/qa/sub, below it) on 2025-04-01:
        // 23 days to Feb 28 + 31 in March + 1 = 55 days; r6 (handoff) is retracted, r1 predates l1.
        // l2 (tooling, 2025-03-15, acme/qa/sub) comes back in r3: 16 + 1 = 17 days; r4 (tooling) is in
        // acme/qa, above l2's unit, so no recurrence. l3 (budget) never; l4 has no theme, l5 is retracted.
        List<RelearningDocument> expectedLessons = List.of(
                lesson(
                        "l1",
                        "acme/qa",
                        QA,
                        "2025-02-05T00:00:00Z",
                        List.of("handoff"),
                        List.of(new Recurrence(
                                "r3", "acme/qa/sub", Instant.parse("2025-04-01T00:00:00Z"), List.of("handoff"), 55.0)),
                        first),
                lesson(
                        "l2",
                        "acme/qa/sub",
                        QA_SUB,
                        "2025-03-15T00:00:00Z",
                        List.of("tooling"),
                        List.of(new Recurrence(
                                "r3", "acme/qa/sub", Instant.parse("2025-04-01T00:00:00Z"), List.of("tooling"), 17.0)),
                        first),
                lesson("l3", "acme/qa", QA, "2025-05-01T00:00:00Z", List.of("budget"), List.of(), first));

        assertThat(first.reviews()).isEqualTo(5);
        assertThat(first.lessons()).isEqualTo(3);
        assertThat(first.deleted()).isZero();
        assertThat(reviews())
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("judgedAt")
                .containsExactlyElementsOf(expectedReviews);
        assertThat(reviews()).extracting(ReviewVerdictDocument::judgedAt).doesNotContainNull();
        assertThat(lessons())
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("judgedAt")
                .containsExactlyElementsOf(expectedLessons);
        assertThat(meters.get("learning_loop.verdicts.documents.written")
                        .tag("index", "reviews")
                        .counter()
                        .count())
                .isEqualTo(5.0);
        assertThat(meters.get("learning_loop.verdicts.last_success").gauge().value())
                .isPositive();

        // d7 (r5's only decision) and l3 are retracted: the next run writes the rest again and deletes
        // those two documents (5 - 1 reviews, 3 - 1 lessons).
        history.retract(indices.loops(), "d7");
        history.retract(indices.lessons(), "l3");
        VerdictsWriter.Run second = writer.run();

        assertThat(second.generation()).isGreaterThan(first.generation());
        assertThat(second.reviews()).isEqualTo(4);
        assertThat(second.lessons()).isEqualTo(2);
        assertThat(second.deleted()).isEqualTo(2);
        assertThat(reviews()).extracting(ReviewVerdictDocument::reviewId).containsExactly("r1", "r2", "r3", "r4");
        assertThat(reviews()).extracting(ReviewVerdictDocument::generation).containsOnly(second.generation());
        assertThat(lessons()).extracting(RelearningDocument::lessonId).containsExactly("l1", "l2");
        assertThat(meters.get("learning_loop.verdicts.run")
                        .tag("outcome", "success")
                        .timer()
                        .count())
                .isEqualTo(2);
    }

    private List<ReviewVerdictDocument> reviews() throws IOException {
        return search(indices.reviews(), ReviewVerdictDocument.REVIEW_ID, ReviewVerdictDocument.class);
    }

    private List<RelearningDocument> lessons() throws IOException {
        return search(indices.relearning(), RelearningDocument.LESSON_ID, RelearningDocument.class);
    }

    private <T> List<T> search(String index, String sortField, Class<T> type) throws IOException {
        elasticsearch.indices().refresh(refresh -> refresh.index(index));
        return elasticsearch
                .search(
                        search -> search.index(index).size(100).sort(sort -> sort.field(by -> by.field(sortField))),
                        type)
                .hits()
                .hits()
                .stream()
                .map(Hit::source)
                .toList();
    }

    private static ReviewVerdictDocument review(
            String id,
            String unit,
            List<String> path,
            String heldAt,
            boolean blameless,
            List<String> themes,
            String decision,
            String decidedAt,
            int assigned,
            int completed,
            int lessons,
            int changed,
            String verdict,
            String settlesOn,
            VerdictsWriter.Run run) {
        return new ReviewVerdictDocument(
                id,
                unit,
                path,
                Instant.parse(heldAt),
                RETRO,
                blameless,
                themes,
                List.of(decision),
                List.of(Instant.parse(decidedAt)),
                assigned,
                completed,
                lessons,
                changed,
                verdict,
                LocalDate.parse(settlesOn),
                null,
                run.generation());
    }

    private static RelearningDocument lesson(
            String id,
            String unit,
            List<String> path,
            String recordedAt,
            List<String> themes,
            List<Recurrence> recurrences,
            VerdictsWriter.Run run) {
        return new RelearningDocument(
                id,
                unit,
                path,
                Instant.parse(recordedAt),
                themes,
                !recurrences.isEmpty(),
                true,
                recurrences.size(),
                recurrences.isEmpty() ? null : recurrences.get(0).daysBetween(),
                recurrences,
                null,
                run.generation());
    }
}
