package io.learningloop.analytics.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.learningloop.analytics.evidence.Evidence.Answer;
import io.learningloop.analytics.evidence.Evidence.Chain;
import io.learningloop.analytics.evidence.Evidence.Origin;
import io.learningloop.analytics.evidence.Evidence.Review;
import io.learningloop.analytics.evidence.Evidence.Totals;
import io.learningloop.analytics.evidence.EvidenceChains.Link;
import io.learningloop.contract.events.Assessment;
import io.learningloop.contract.events.ReviewKind;
import io.learningloop.readmodel.LessonDocument;
import io.learningloop.readmodel.LoopDocument;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The chain rule on documents as the two indices hold them (written as JSON, read as the service reads
 * them): decisions of 2026 in acme/eng, lessons learned in 2025 (the default period), a key for acme.
 *
 * <pre>
 * d-1 acme/eng/platform 2026-03-11  b-1 cites l-1, l-2        -> two chains (a two-lesson change)
 * d-2 acme/eng          2026-01-20  b-2 cites l-3             -> none: b-2 retracted (gone from l-3)
 * d-3 acme/eng          2027-01-05  b-3 cites l-1             -> none: its date was amended out of 2026
 * d-4 acme/eng/platform 2026-06-01  b-4 cites l-4, l-1, l-5   -> one chain (l-1); l-4 learned 2024, l-5 retracted
 * d-5 acme/sales        2026-02-01  b-5 cites l-1             -> none: outside the units asked
 * d-6 acme/eng          2026-02-01  b-6 cites l-1, retracted  -> none
 * l-1 acme/eng/platform 2025-03-01, from o-1 (review r-1 named) and o-2 (retracted)
 * l-2 acme/sales        2025-12-01, from o-3 (no review named: all of o-3's)
 * </pre>
 */
class EvidenceChainsTest {

    private static final ObjectMapper JSON =
            new ObjectMapper().findAndRegisterModules().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final EvidenceRequest acmeEng2026 = new EvidenceRequest(
            "acme/eng",
            List.of("acme/eng"),
            List.of("acme"),
            2026,
            LocalDate.parse("2025-01-01"),
            LocalDate.parse("2026-01-01"),
            100);

    private final List<LoopDocument> decisions = List.of(
            decision("d-1", "acme/eng/platform", "2026-03-11T00:00:00Z", false, "b-1", "l-1", "l-2"),
            decision("d-2", "acme/eng", "2026-01-20T12:00:00Z", false, "b-2", "l-3"),
            decision("d-3", "acme/eng", "2027-01-05T00:00:00Z", false, "b-3", "l-1"),
            decision("d-4", "acme/eng/platform", "2026-06-01T00:00:00Z", false, "b-4", "l-4", "l-1", "l-5"),
            decision("d-5", "acme/sales", "2026-02-01T00:00:00Z", false, "b-5", "l-1"),
            decision("d-6", "acme/eng", "2026-02-01T00:00:00Z", true, "b-6", "l-1"));

    private final Map<String, LessonDocument> lessons = byId(
            List.of(
                    lesson(
                            "l-1",
                            "acme/eng/platform",
                            "2025-03-01T00:00:00Z",
                            false,
                            List.of("o-1", "o-2"),
                            List.of("r-1"),
                            "b-1:d-1",
                            "b-3:d-3",
                            "b-4:d-4",
                            "b-5:d-5",
                            "b-6:d-6"),
                    lesson("l-2", "acme/sales", "2025-12-01T00:00:00Z", false, List.of("o-3"), List.of(), "b-1:d-1"),
                    // b-2 was retracted: the lessons index no longer lists it on l-3 (the loops index still might)
                    lesson("l-3", "acme/eng", "2025-06-01T00:00:00Z", false, List.of("o-1"), List.of()),
                    lesson("l-4", "acme/eng", "2024-11-30T00:00:00Z", false, List.of("o-1"), List.of(), "b-4:d-4"),
                    lesson("l-5", "acme/eng", "2025-05-01T00:00:00Z", true, List.of("o-1"), List.of(), "b-4:d-4")),
            LessonDocument::lessonId);

    private final Map<String, LoopDocument> origins = byId(
            List.of(
                    origin(
                            "o-1",
                            "acme/eng/platform",
                            "failed",
                            false,
                            review("r-1", "post-mortem", "2025-02-10"),
                            review("r-2", "retrospective", "2025-02-01")),
                    origin("o-2", "acme/eng/platform", "as-expected", true),
                    origin(
                            "o-3",
                            "acme/sales",
                            null,
                            false,
                            review("r-4", "retrospective", "2025-11-20"),
                            review("r-3", "after-action-review", "2025-11-02"))),
            LoopDocument::decisionId);

    @Test
    void aTwoLessonChangeGivesTwoChainsAndOnlyValidStepsCount() {
        List<Link> links = EvidenceChains.links(acmeEng2026, decisions, lessons);

        // by decidedAt (d-1 on 03-11 before d-4 on 06-01), then change, then lesson
        assertThat(links)
                .extracting(link -> link.decision().decisionId() + "/" + link.behaviorChangeId() + "/"
                        + link.lesson().lessonId())
                .containsExactly("d-1/b-1/l-1", "d-1/b-1/l-2", "d-4/b-4/l-1");
    }

    @Test
    void totalsCountDecisionsChainsAndCrossUnitChains() {
        Totals totals = EvidenceChains.totals(7, EvidenceChains.links(acmeEng2026, decisions, lessons));

        // 7 decisions made (the count query's); d-1 and d-4 have evidence; 3 chains; only d-1/l-2 crosses units
        // (acme/eng/platform vs acme/sales; d-4 and l-1 are both acme/eng/platform)
        assertThat(totals).isEqualTo(new Totals(7, 2, 3, 1));
    }

    @Test
    void eachChainShowsElapsedDaysTheLessonItsOriginsAndTheReviewsItNamed() {
        Answer answer =
                EvidenceChains.answer(acmeEng2026, 7, EvidenceChains.links(acmeEng2026, decisions, lessons), origins);
        Chain first = answer.chains().get(0);
        Chain second = answer.chains().get(1);
        Chain third = answer.chains().get(2);

        // l-1 2025-03-01 -> d-1 2026-03-11: 365 days to 2026-03-01, + 10 = 375
        assertThat(first.elapsedDays()).isEqualTo(375.0);
        assertThat(first.crossUnit()).isFalse();
        assertThat(first.decision().title()).isEqualTo("Decision d-1");
        assertThat(first.behaviorChange().description()).isEqualTo("b-1 applied l-1");
        assertThat(first.behaviorChange().changedAt()).isEqualTo(Instant.parse("2026-03-12T00:00:00Z"));
        assertThat(first.lesson().text()).isEqualTo("Lesson l-1");
        assertThat(first.lesson().thinkingChange()).isEqualTo("We now think l-1");
        // o-2 was retracted: left out; l-1 names review r-1, so o-1's r-2 is not shown
        assertThat(first.origins())
                .containsExactly(new Origin("o-1", "Origin o-1", "acme/eng/platform", Assessment.FAILED, false));
        assertThat(first.reviews())
                .containsExactly(new Review(
                        "r-1",
                        "o-1",
                        ReviewKind.POST_MORTEM,
                        List.of("ownership"),
                        Instant.parse("2025-02-10T00:00:00Z")));

        // l-2 2025-12-01 -> 2026-03-11: 31 (December) + 31 (January) + 28 (February) + 10 = 100
        assertThat(second.elapsedDays()).isEqualTo(100.0);
        assertThat(second.crossUnit()).isTrue();
        // l-2 names no review: all of o-3's, by heldAt (r-3 on 11-02 before r-4 on 11-20); o-3 has no outcome
        assertThat(second.origins()).containsExactly(new Origin("o-3", "Origin o-3", "acme/sales", null, false));
        assertThat(second.reviews()).extracting(Review::reviewId).containsExactly("r-3", "r-4");

        // l-1 2025-03-01 -> d-4 2026-06-01: 365 to 2026-03-01, + 31 + 30 + 31 = 457
        assertThat(third.elapsedDays()).isEqualTo(457.0);
        assertThat(answer.truncated()).isFalse();
        assertThat(answer.summary())
                .isEqualTo(
                        "2 of 7 decisions made in 2026 in acme/eng and below were made differently because of"
                                + " a lesson recorded from 2025-01-01 to 2025-12-31 (both included): 3 chains, 1 across units.");
    }

    @Test
    void aLessonOutsideTheLearnedPeriodGivesNoChain() {
        // learned only from 2025-06-01: l-1 (2025-03-01) drops out, l-2 (2025-12-01) stays
        EvidenceRequest secondHalf = new EvidenceRequest(
                "acme/eng",
                List.of("acme/eng"),
                List.of("acme"),
                2026,
                LocalDate.parse("2025-06-01"),
                LocalDate.parse("2026-01-01"),
                100);

        assertThat(EvidenceChains.links(secondHalf, decisions, lessons))
                .extracting(link -> link.lesson().lessonId())
                .containsExactly("l-2");
    }

    @Test
    void aLessonRecordedAfterTheDecisionCannotHaveChangedIt() {
        // learned in 2025 and 2026: l-6 (2026-04-01) is cited by d-1 (2026-03-11), before it existed
        EvidenceRequest twoYears = new EvidenceRequest(
                "acme/eng",
                List.of("acme/eng"),
                List.of("acme"),
                2026,
                LocalDate.parse("2025-01-01"),
                LocalDate.parse("2027-01-01"),
                100);
        LoopDocument d1 = decision("d-1", "acme/eng/platform", "2026-03-11T00:00:00Z", false, "b-1", "l-6");
        LessonDocument l6 =
                lesson("l-6", "acme/eng/platform", "2026-04-01T00:00:00Z", false, List.of(), List.of(), "b-1:d-1");

        assertThat(EvidenceChains.links(twoYears, List.of(d1), Map.of("l-6", l6)))
                .isEmpty();
    }

    @Test
    void aLimitShowsTheFirstChainsAndSaysThereAreMoreWhileTheTotalsCountAll() {
        EvidenceRequest two = new EvidenceRequest(
                "acme/eng",
                List.of("acme/eng"),
                List.of("acme"),
                2026,
                LocalDate.parse("2025-01-01"),
                LocalDate.parse("2026-01-01"),
                2);

        Answer answer = EvidenceChains.answer(two, 7, EvidenceChains.links(two, decisions, lessons), origins);

        assertThat(answer.chains()).extracting(Chain::lessonId).containsExactly("l-1", "l-2");
        assertThat(answer.truncated()).isTrue();
        assertThat(answer.totals().chains()).isEqualTo(3);
    }

    @Test
    void theFreeTextOfStepsOutsideTheKeysUnitsIsWithheldButTheChainCounts() {
        EvidenceRequest engKey = new EvidenceRequest(
                "acme/eng",
                List.of("acme/eng"),
                List.of("acme/eng"),
                2026,
                LocalDate.parse("2025-01-01"),
                LocalDate.parse("2026-01-01"),
                100);

        Chain crossUnit = EvidenceChains.answer(engKey, 7, EvidenceChains.links(engKey, decisions, lessons), origins)
                .chains()
                .get(1);

        assertThat(crossUnit.lessonId()).isEqualTo("l-2");
        assertThat(crossUnit.lesson().text()).isNull();
        assertThat(crossUnit.lesson().thinkingChange()).isNull();
        assertThat(crossUnit.lesson().textWithheld()).isTrue();
        assertThat(crossUnit.lesson().themes()).containsExactly("l-2-theme");
        assertThat(crossUnit.origins()).containsExactly(new Origin("o-3", null, "acme/sales", null, true));
    }

    @Test
    void anEmptyAnswerSaysSoInWords() {
        Answer answer = EvidenceChains.answer(acmeEng2026, 7, List.of(), Map.of());

        assertThat(answer.chains()).isEmpty();
        assertThat(answer.totals()).isEqualTo(new Totals(7, 0, 0, 0));
        assertThat(answer.summary())
                .isEqualTo("No decision made in 2026 in acme/eng and below (7 decisions made) was made differently"
                        + " because of a lesson recorded from 2025-01-01 to 2025-12-31 (both included).");
    }

    /** A changed decision as the loops index holds it: one applied change citing {@code lessonIds}. */
    private static LoopDocument decision(
            String id, String orgUnit, String decidedAt, boolean retracted, String changeId, String... lessonIds) {
        return read(
                Map.of(
                        "decisionId", id,
                        "orgUnit", orgUnit,
                        "title", "Decision " + id,
                        "category", "product",
                        "decidedAt", decidedAt,
                        "retracted", retracted,
                        "appliedChanges",
                                List.of(Map.of(
                                        "behaviorChangeId", changeId,
                                        "changedAt", "2026-01-01T00:00:00Z",
                                        "decisionId", id,
                                        "lessonIds", List.of(lessonIds),
                                        "orgUnit", orgUnit))),
                LoopDocument.class);
    }

    /** {@code changes}: "change:decision", each as the lessons index keeps it, a day after d-1's date. */
    private static LessonDocument lesson(
            String id,
            String orgUnit,
            String recordedAt,
            boolean retracted,
            List<String> decisionIds,
            List<String> reviewIds,
            String... changes) {
        List<Map<String, Object>> refs = Arrays.stream(changes)
                .map(change -> Map.<String, Object>of(
                        "behaviorChangeId",
                        change.split(":")[0],
                        "decisionId",
                        change.split(":")[1],
                        "changedAt",
                        "2026-03-12T00:00:00Z",
                        "orgUnit",
                        orgUnit,
                        "description",
                        change.split(":")[0] + " applied " + id))
                .toList();
        return read(
                Map.of(
                        "lessonId", id,
                        "orgUnit", orgUnit,
                        "recordedAt", recordedAt,
                        "lesson", "Lesson " + id,
                        "thinkingChange", "We now think " + id,
                        "decisionIds", decisionIds,
                        "reviewIds", reviewIds,
                        "themes", List.of(id + "-theme"),
                        "behaviorChanges", refs,
                        "retracted", retracted),
                LessonDocument.class);
    }

    @SafeVarargs
    private static LoopDocument origin(
            String id, String orgUnit, String assessment, boolean retracted, Map<String, Object>... reviews) {
        Map<String, Object> origin = new HashMap<>(Map.of(
                "decisionId", id,
                "orgUnit", orgUnit,
                "title", "Origin " + id,
                "retracted", retracted,
                "reviews", List.of(reviews)));
        if (assessment != null) {
            origin.put("outcome", Map.of("assessment", assessment));
        }
        return read(origin, LoopDocument.class);
    }

    private static Map<String, Object> review(String id, String kind, String heldAt) {
        return Map.of(
                "reviewId", id, "kind", kind, "heldAt", heldAt + "T00:00:00Z", "rootCauseThemes", List.of("ownership"));
    }

    private static <T> T read(Map<String, Object> json, Class<T> type) {
        return JSON.convertValue(json, type);
    }

    private static <T> Map<String, T> byId(List<T> documents, Function<T, String> id) {
        return documents.stream().collect(Collectors.toMap(id, Function.identity()));
    }
}
