package io.learningloop.analytics.verdicts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.learningloop.readmodel.LessonDocument;
import io.learningloop.readmodel.LoopDocument;
import io.learningloop.readmodel.RelearningDocument;
import io.learningloop.readmodel.ReviewVerdictDocument;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cases the integration test's history does not have: a review of two decisions of different
 * years, a review seen only in a loop whose decision has not arrived, a lesson learned again twice.
 * Loops and lessons are read from JSON as the indices hold them.
 */
class VerdictDocumentsTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    @Test
    void aReviewOfTwoDecisionsIsOneDocumentWithBothDatesAndItsActionsOnce() throws Exception {
        // R1 reviewed D1 (2024-12-20) and D2 (2025-01-05); its action X1 shows in both loops.
        String review = review("R1", "acme/eng", "2025-01-10T00:00:00Z", "[\"estimation\"]");
        String action = "{\"actionId\":\"X1\",\"reviewId\":\"R1\",\"status\":\"completed\"}";
        List<LoopDocument> loops = List.of(
                loop("D1", "2024-12-20T00:00:00Z", "\"reviews\":[" + review + "],\"actions\":[" + action + "]"),
                loop("D2", "2025-01-05T00:00:00Z", "\"reviews\":[" + review + "],\"actions\":[" + action + "]"));

        List<ReviewVerdictDocument> documents = VerdictDocuments.reviews(loops, NOW, Duration.ofDays(180), 7);

        assertThat(documents).hasSize(1);
        ReviewVerdictDocument r1 = documents.get(0);
        assertThat(r1.decisionIds()).containsExactly("D1", "D2");
        assertThat(r1.decisionDates())
                .containsExactly(Instant.parse("2024-12-20T00:00:00Z"), Instant.parse("2025-01-05T00:00:00Z"));
        assertThat(r1.orgUnitPath()).containsExactly("acme", "acme/eng");
        // 1 of 1 action done but no lesson changed a decision, settled (2025-07-09 < NOW): partial
        assertThat(r1.actionsAssigned()).isEqualTo(1);
        assertThat(r1.actionsCompleted()).isEqualTo(1);
        assertThat(r1.verdict()).isEqualTo("partial");
        assertThat(r1.generation()).isEqualTo(7);
        assertThat(r1.judgedAt()).isEqualTo(NOW);
    }

    /** As in the API: a review belongs to a cohort through a decision that has arrived. */
    @Test
    void aReviewSeenOnlyInALoopWithoutItsDecisionIsNotWritten() throws Exception {
        List<LoopDocument> loops = List.of(
                loop("D9", null, "\"reviews\":[" + review("R9", "acme/eng", "2025-01-10T00:00:00Z", "[]") + "]"));

        assertThat(VerdictDocuments.reviews(loops, NOW, Duration.ofDays(180), 1))
                .isEmpty();
    }

    /**
     * L1 (acme/eng, 2025-01-01, estimation) comes back in R2 (acme/eng/web, 2025-01-11: 10 days) and in R3
     * (acme/eng, 2025-03-02: 31 + 28 + 1 = 60 days); the first recurrence is R2's. L2 has no theme: no
     * document.
     */
    @Test
    void aLessonLearnedAgainTwiceCountsBothAndItsFirst() throws Exception {
        List<LoopDocument> loops = List.of(
                loop(
                        "D2",
                        "2025-01-08T00:00:00Z",
                        "\"reviews\":[" + review("R3", "acme/eng", "2025-03-02T00:00:00Z", "[\"estimation\"]") + "]"),
                loop(
                        "D3",
                        "2025-01-09T00:00:00Z",
                        "\"reviews\":[" + review("R2", "acme/eng/web", "2025-01-11T00:00:00Z", "[\"estimation\"]")
                                + "]"));
        List<LessonDocument> lessons = List.of(
                lesson("L1", "2025-01-01T00:00:00Z", "[\"estimation\"]"), lesson("L2", "2025-01-02T00:00:00Z", "[]"));

        List<RelearningDocument> documents = VerdictDocuments.relearning(lessons, loops, NOW, Duration.ofDays(365), 3);

        assertThat(documents).extracting(RelearningDocument::lessonId).containsExactly("L1");
        RelearningDocument l1 = documents.get(0);
        assertThat(l1.relearned()).isTrue();
        assertThat(l1.judged()).as("its year ended 2026-01-01, before NOW").isTrue();
        assertThat(l1.recurrenceCount()).isEqualTo(2);
        assertThat(l1.firstRecurrenceDays()).isEqualTo(10.0);
        assertThat(l1.recurrences())
                .extracting(RelearningDocument.Recurrence::reviewId, RelearningDocument.Recurrence::daysBetween)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("R2", 10.0),
                        org.assertj.core.groups.Tuple.tuple("R3", 60.0));
    }

    private static String review(String id, String unit, String heldAt, String themes) {
        return """
                {"reviewId":"%s","orgUnit":"%s","heldAt":"%s","kind":"retrospective","rootCauseThemes":%s}""".formatted(id, unit, heldAt, themes);
    }

    private static LoopDocument loop(String id, String decidedAt, String parts) throws Exception {
        String decided = decidedAt == null ? "" : ",\"decidedAt\":\"" + decidedAt + "\"";
        return JSON.readValue(
                "{\"decisionId\":\"" + id + "\",\"orgUnit\":\"acme/eng\",\"actor\":\"p-" + id + "\"" + decided + ","
                        + parts + "}",
                LoopDocument.class);
    }

    private static LessonDocument lesson(String id, String recordedAt, String themes) throws Exception {
        return JSON.readValue(
                "{\"lessonId\":\"%s\",\"orgUnit\":\"acme/eng\",\"recordedAt\":\"%s\",\"themes\":%s}"
                        .formatted(id, recordedAt, themes),
                LessonDocument.class);
    }
}
