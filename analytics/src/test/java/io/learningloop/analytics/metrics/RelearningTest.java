package io.learningloop.analytics.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.learningloop.analytics.metrics.Relearning.Recurrence;
import io.learningloop.analytics.metrics.Reports.RelearningSummary;
import io.learningloop.analytics.metrics.Reports.Withheld;
import io.learningloop.codec.json.EventJson;
import io.learningloop.readmodel.LessonDocument;
import io.learningloop.readmodel.LoopDocument.ReviewRef;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The relearning rule on three lessons and five reviews; each expectation worked out by hand. */
class RelearningTest {

    private static final ObjectMapper JSON = EventJson.newMapper();

    /*
     * L1 acme/eng, 2024-03-01, themes estimation + staffing, drawn from R0.
     * L2 acme/eng/platform, 2024-06-01, theme estimation.
     * L3 acme/sales, 2024-02-01, theme pricing.
     */
    private final List<LessonDocument> lessons = List.of(lesson("""
                    {"lessonId": "l1", "actor": "u-1", "orgUnit": "acme/eng", "recordedAt": "2024-03-01T00:00:00Z",
                     "themes": ["staffing", "estimation"], "reviewIds": ["r0"]}"""), lesson("""
                    {"lessonId": "l2", "actor": "u-1", "orgUnit": "acme/eng/platform", "recordedAt": "2024-06-01T00:00:00Z",
                     "themes": ["estimation"]}"""), lesson("""
                    {"lessonId": "l3", "actor": "u-1", "orgUnit": "acme/sales", "recordedAt": "2024-02-01T00:00:00Z",
                     "themes": ["pricing"]}"""));

    /*
     * R0 acme/eng 2024-04-01 estimation: after L1 but L1 was drawn from it -> not a recurrence.
     * R1 acme/eng/platform 2024-09-10 estimation + tooling: below acme/eng, after L1 (193 days: Mar 1 -> Sep 10 =
     *    30+30+31+30+31+31+9 = 193... Mar has 31: Mar 1->Apr 1 31, ->May 1 30, ->Jun 1 31, ->Jul 1 30, ->Aug 1 31,
     *    ->Sep 1 31, ->Sep 10 9 = 193) and after L2 (Jun 1 -> Sep 10 = 30+31+31+9 = 101 days).
     * R2 acme/eng 2024-05-01 estimation: after L1 (61 days: 31 + 30), before L2; for L2 also above its unit.
     * R3 acme/sales 2024-07-01 estimation: not under acme/eng -> nothing; pricing absent -> not L3's.
     * R4 acme/sales 2024-01-15 pricing: before L3 -> nothing.
     * R5 acme/eng 2025-04-01 staffing: after L1, but L1's year ended 2025-03-01 -> outside the window.
     */
    private final List<ReviewRef> reviews = List.of(
            review("r0", "acme/eng", "2024-04-01T00:00:00Z", "estimation"),
            review("r1", "acme/eng/platform", "2024-09-10T00:00:00Z", "estimation", "tooling"),
            review("r2", "acme/eng", "2024-05-01T00:00:00Z", "estimation"),
            review("r3", "acme/sales", "2024-07-01T00:00:00Z", "estimation"),
            review("r4", "acme/sales", "2024-01-15T00:00:00Z", "pricing"),
            review("r5", "acme/eng", "2025-04-01T00:00:00Z", "staffing"));

    private static final Duration YEAR = Duration.ofDays(365);

    @Test
    void aThemeBackAsARootCauseLaterInTheSameUnitOrBelowIsALessonLearnedAgain() {
        assertThat(Relearning.recurrences(lessons, reviews, YEAR))
                .containsExactly(
                        new Recurrence(
                                "l1",
                                "acme/eng",
                                Instant.parse("2024-03-01T00:00:00Z"),
                                "r2",
                                "acme/eng",
                                Instant.parse("2024-05-01T00:00:00Z"),
                                List.of("estimation"),
                                61.0),
                        new Recurrence(
                                "l1",
                                "acme/eng",
                                Instant.parse("2024-03-01T00:00:00Z"),
                                "r1",
                                "acme/eng/platform",
                                Instant.parse("2024-09-10T00:00:00Z"),
                                List.of("estimation"),
                                193.0),
                        new Recurrence(
                                "l2",
                                "acme/eng/platform",
                                Instant.parse("2024-06-01T00:00:00Z"),
                                "r1",
                                "acme/eng/platform",
                                Instant.parse("2024-09-10T00:00:00Z"),
                                List.of("estimation"),
                                101.0));
    }

    /*
     * On 2025-04-01: L1's window ended 2025-03-01 and L3's 2025-01-31 (2024 is a leap year: Feb 1 + 365 days),
     * both judged; L2's ends 2025-06-01: not yet. Judged 2, of which L1 learned again: 1/2. L2 recurred
     * already but is not judged, so it is not counted: the rate would otherwise favour early recurrences.
     * People: u-1 alone, so staff see no figure.
     */
    @Test
    void theRateIsOverTheLessonsWhoseWindowIsOver() {
        Instant now = Instant.parse("2025-04-01T00:00:00Z");
        List<Recurrence> recurrences = Relearning.recurrences(lessons, reviews, YEAR);

        assertThat(RelearnedLessons.summarise(lessons, recurrences, now, YEAR, Audience.DETAIL.withholding(), ""))
                .isEqualTo(new RelearningSummary(3L, 2L, 1L, 0.5));
        Withholding staff = Audience.aggregatesOnly(5).withholding();
        assertThat(RelearnedLessons.summarise(lessons, recurrences, now, YEAR, staff, "relearning."))
                .isEqualTo(new RelearningSummary(null, null, null, null));
        assertThat(staff.withheld())
                .extracting(Withheld::figure)
                .containsExactly(
                        "relearning.lessonsWithThemes",
                        "relearning.lessonsJudged",
                        "relearning.relearned",
                        "relearning.relearningRate");
    }

    private static ReviewRef review(String id, String unit, String heldAt, String... themes) {
        return new ReviewRef(id, Instant.parse(heldAt), null, false, false, 0, List.of(themes), unit);
    }

    private static LessonDocument lesson(String json) {
        try {
            return JSON.readValue(json, LessonDocument.class);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
