package io.learningloop.analytics.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.json.JsonData;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.learningloop.analytics.metrics.Reports.Calibration;
import io.learningloop.analytics.metrics.Reports.CheckInDiscipline;
import io.learningloop.analytics.metrics.Reports.ConversionReport;
import io.learningloop.analytics.metrics.Reports.FollowThrough;
import io.learningloop.analytics.metrics.Reports.PracticesReport;
import io.learningloop.analytics.metrics.Reports.RelearningReport;
import io.learningloop.analytics.metrics.Reports.RelearningSummary;
import io.learningloop.analytics.metrics.Reports.ReviewEntry;
import io.learningloop.analytics.metrics.Reports.ReviewSummary;
import io.learningloop.analytics.metrics.Reports.ReviewsReport;
import io.learningloop.analytics.metrics.Reports.Safety;
import io.learningloop.analytics.metrics.Reports.Spread;
import io.learningloop.analytics.metrics.Reports.Withheld;
import io.learningloop.analytics.metrics.ReviewVerdict.Verdict;
import io.learningloop.codec.json.EventJson;
import io.learningloop.projection.elasticsearch.IndexTemplates;
import io.learningloop.projection.elasticsearch.Indices;
import io.learningloop.testsupport.LocalStack;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cohort reads against the real Elasticsearch with pages of one document (and one review id): each
 * loop, lesson and review lies on a page of its own, so every count that must see a review or an action
 * once though two loops hold it, and every "at least k people" that must add up people of several
 * pages, crosses a page boundary. The data are the loops of {@link PracticeSignalsTest} (with their units,
 * dates and people), whose figures are worked out by hand there; the reviews', relearning and conversion
 * figures are worked out by hand below.
 */
class CohortPagesIntegrationTest {

    static final String PREFIX = LocalStack.uniqueName("it-pages-") + "-";
    static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    static RestClient rest;
    static ElasticsearchClient client;
    static LearningMetrics metrics;
    static RitualReviews rituals;
    static RelearnedLessons relearning;
    static final Indices INDICES = new Indices(PREFIX);
    static final Cohort ACME = new Cohort("acme", List.of("acme"), null, null, null);

    /**
     * l1 (u1): confidence 0.9, failed (reported by others), check-ins held / late / missed, review r1
     * (blameless, facilitated, no root cause, held 2025-02-01) with actions a1 completed and a2 completed
     * late; l2 (u2): 0.6, as expected (self-reported), uncertainty stated, r1 and its actions again, and r2
     * (not blameless, root cause "x", held 2025-03-01) with a3 open and overdue and a4 dropped; l3 (u3): 0.5,
     * no outcome, two check-ins not due by {@link #NOW}, uncertainty stated. Owners: a1 o1, a2 o2, a3 o3, a4 o1.
     */
    static final List<String> LOOPS = List.of(
            """
            {"decisionId": "l1", "orgUnit": "acme/eng", "orgUnitPath": ["acme", "acme/eng"], "actor": "u1",
             "decidedAt": "2025-01-05T00:00:00Z", "confidence": 0.9, "uncertaintyStated": false,
             "outcome": {"assessment": "failed", "reportedBy": "others"},
             "checkIns": [{"scheduledFor": "2025-01-10", "status": "held"},
                          {"scheduledFor": "2025-01-20", "status": "held-late"},
                          {"scheduledFor": "2025-02-01", "status": "missed"}],
             "reviews": [%s],
             "actions": [%s, %s]}""".formatted(Data.R1, Data.A1, Data.A2),
            """
            {"decisionId": "l2", "orgUnit": "acme/eng", "orgUnitPath": ["acme", "acme/eng"], "actor": "u2",
             "decidedAt": "2025-01-06T00:00:00Z", "confidence": 0.6, "uncertaintyStated": true,
             "outcome": {"assessment": "as-expected", "reportedBy": "decision-owner"},
             "checkIns": [{"scheduledFor": "2025-03-01", "status": "held"}],
             "reviews": [%s, %s],
             "actions": [%s, %s, %s, %s]}""".formatted(Data.R1, Data.R2, Data.A1, Data.A2, Data.A3, Data.A4),
            """
            {"decisionId": "l3", "orgUnit": "acme/eng", "orgUnitPath": ["acme", "acme/eng"], "actor": "u3",
             "decidedAt": "2025-01-07T00:00:00Z", "confidence": 0.5, "uncertaintyStated": true,
             "checkIns": [{"scheduledFor": "2026-05-01", "status": "planned"},
                          {"scheduledFor": "2025-12-29", "status": "planned"}]}""");

    /**
     * k1 (u1, theme x, 2024-12-01): shared, changed a decision of acme/eng and one of acme/hr, converted
     * after 10 days; k2 (u2, theme y, 2024-11-01): changed its own unit's only, after 20 days; k3 (u3, no
     * theme, 2025-06-01): nothing yet.
     */
    static final List<String> LESSONS = List.of("""
            {"lessonId": "k1", "orgUnit": "acme/eng", "orgUnitPath": ["acme", "acme/eng"], "actor": "u1",
             "recordedAt": "2024-12-01T00:00:00Z", "themes": ["x"], "sharedCount": 2,
             "behaviorChanges": [{"orgUnit": "acme/eng"}, {"orgUnit": "acme/hr"}],
             "converted": true, "lessonToBehaviorChangeDays": 10.0}""", """
            {"lessonId": "k2", "orgUnit": "acme/eng", "orgUnitPath": ["acme", "acme/eng"], "actor": "u2",
             "recordedAt": "2024-11-01T00:00:00Z", "themes": ["y"], "sharedCount": 0,
             "behaviorChanges": [{"orgUnit": "acme/eng"}],
             "converted": true, "lessonToBehaviorChangeDays": 20.0}""", """
            {"lessonId": "k3", "orgUnit": "acme/eng", "orgUnitPath": ["acme", "acme/eng"], "actor": "u3",
             "recordedAt": "2025-06-01T00:00:00Z", "sharedCount": 0, "converted": false}""");

    private static final class Data {
        static final String R1 = """
                {"reviewId": "r1", "heldAt": "2025-02-01T00:00:00Z", "kind": "retrospective", "orgUnit": "acme/eng",
                 "blameless": true, "facilitated": true, "rootCauseThemes": []}""";
        static final String R2 = """
                {"reviewId": "r2", "heldAt": "2025-03-01T00:00:00Z", "kind": "retrospective", "orgUnit": "acme/eng",
                 "blameless": false, "facilitated": true, "rootCauseThemes": ["x"]}""";
        static final String A1 = """
                {"actionId": "a1", "reviewId": "r1", "owner": "o1", "status": "completed", "overdue": false}""";
        static final String A2 = """
                {"actionId": "a2", "reviewId": "r1", "owner": "o2", "status": "completed", "overdue": true}""";
        static final String A3 = """
                {"actionId": "a3", "reviewId": "r2", "owner": "o3", "status": "open", "overdue": true,
                 "dueDate": "2025-06-01"}""";
        static final String A4 = """
                {"actionId": "a4", "reviewId": "r2", "owner": "o1", "status": "dropped", "overdue": false}""";
    }

    @BeforeAll
    static void index() throws IOException {
        String login = LocalStack.elasticsearchAdminUser() + ":" + LocalStack.elasticsearchAdminPassword();
        rest = RestClient.builder(HttpHost.create(LocalStack.elasticsearchUrl()))
                .setDefaultHeaders(new Header[] {
                    new BasicHeader(
                            "Authorization",
                            "Basic " + Base64.getEncoder().encodeToString(login.getBytes(StandardCharsets.UTF_8)))
                })
                .build();
        // the projections' mapper, as the service reads with (dates as ISO instants)
        client = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper(EventJson.newMapper())));
        IndexTemplates.install(client, INDICES, List.of(INDICES.loops(), INDICES.lessons()));
        BulkRequest.Builder bulk = new BulkRequest.Builder().refresh(Refresh.True);
        ObjectMapper json = new ObjectMapper();
        for (String loop : LOOPS) {
            String id = json.readTree(loop).get("decisionId").asText();
            bulk.operations(operation -> operation.index(
                    index -> index.index(INDICES.loops()).id(id).document(JsonData.from(new StringReader(loop)))));
        }
        for (String lesson : LESSONS) {
            String id = json.readTree(lesson).get("lessonId").asText();
            bulk.operations(operation -> operation.index(
                    index -> index.index(INDICES.lessons()).id(id).document(JsonData.from(new StringReader(lesson)))));
        }
        assertThat(client.bulk(bulk.build()).errors()).isFalse();

        MetricSource onePerPage = new MetricSource(client, 1);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        rituals = new RitualReviews(onePerPage, INDICES, clock, Duration.ofDays(180));
        relearning = new RelearnedLessons(onePerPage, INDICES, clock, Duration.ofDays(365));
        metrics = new LearningMetrics(
                onePerPage, new RankedValues(client), INDICES, rituals, relearning, clock, Duration.ofDays(3));
    }

    @AfterAll
    static void close() throws IOException {
        // by name: the stack refuses wildcard deletes
        List<String> names = List.copyOf(
                client.indices().get(get -> get.index(PREFIX + "*")).result().keySet());
        client.indices().delete(delete -> delete.index(names));
        rest.close();
    }

    @Test
    void practicesCountEachReviewAndActionOnceAcrossPages() throws IOException {
        PracticesReport practices = metrics.practices(ACME, Audience.DETAIL);

        // as PracticeSignalsTest works them out: planned 6, due 4 (held 2, late 1, missed 1)
        assertThat(practices.checkIns()).isEqualTo(new CheckInDiscipline(6L, 4L, 2L, 1L, 1L, 0.5, 0.75));
        // a1..a4 once each though l1 and l2 both hold a1 and a2: 2/4 completed, 1/4 in time
        assertThat(practices.followThrough()).isEqualTo(new FollowThrough(4L, 2L, 1L, 1L, 1L, 1L, 0.5, 0.25));
        // r1 once though on two pages: reviews 2, blameless 1/2, facilitated 2/2
        assertThat(practices.safety()).isEqualTo(new Safety(3L, 2.0 / 3, 2L, 0.5, 1L, 0.0, 2L, 0.5, 1.0));
        Calibration calibration = practices.calibration();
        assertThat(calibration.decisionsJudged()).isEqualTo(2);
        assertThat(calibration.meanConfidence()).isCloseTo(0.75, within(1e-12));
        assertThat(calibration.hitRate()).isEqualTo(0.5);
        assertThat(calibration.overconfidence()).isCloseTo(0.25, within(1e-12));
        assertThat(calibration.brierScore()).isCloseTo(0.485, within(1e-12));
        // k1 shared and changed acme/hr's decision; k2 only its own unit's; k3 nothing
        assertThat(practices.spread()).isEqualTo(new Spread(3L, 1.0 / 3, 1.0 / 3));
        // r1: no root cause, 2 of 2 actions completed, settled 2025-07-31: partial; r2: 0 of 2, settled: ritual
        assertThat(practices.reviews()).isEqualTo(new ReviewSummary(2L, 0L, 1L, 1L, 0L, 0.5, 0.0));
        // k1 (x, 2024-12-01) comes back in r2 (x, 2025-03-01, 90 days later, same unit); k2 (y) never
        assertThat(practices.relearning()).isEqualTo(new RelearningSummary(2L, 2L, 1L, 0.5));
        assertThat(practices.withheld()).isEmpty();
    }

    /**
     * Staff with k = 3: a figure over u1, u2 and u3 shows, one over u1 and u2 only is withheld; the three
     * owners of the actions (o1 twice) are exactly three. The people of one figure lie on several pages.
     */
    @Test
    void theMinimumGroupIsCountedExactlyAcrossPages() throws IOException {
        PracticesReport practices = metrics.practices(ACME, Audience.aggregatesOnly(3));

        assertThat(practices.checkIns().planned()).isEqualTo(6); // u1, u2, u3
        assertThat(practices.checkIns().due()).isNull(); // u1, u2
        assertThat(practices.followThrough().assigned()).isEqualTo(4); // o1, o2, o3
        assertThat(practices.safety().decisions()).isEqualTo(3); // u1, u2, u3
        assertThat(practices.safety().reviews()).isNull(); // u1, u2
        assertThat(practices.calibration().decisionsJudged()).isNull(); // u1, u2
        assertThat(practices.spread().lessons()).isEqualTo(3); // u1, u2, u3
        assertThat(practices.reviews().reviews()).isNull(); // r1: u1, u2; r2: u2
        assertThat(practices.relearning().lessonsWithThemes()).isNull(); // u1, u2
        assertThat(practices.withheld().stream().map(Withheld::figure))
                .contains(
                        "checkIns.due",
                        "safety.reviews",
                        "calibration.decisionsJudged",
                        "reviews.reviews",
                        "relearning.lessonsWithThemes")
                .doesNotContain("checkIns.planned", "followThrough.assigned", "safety.decisions", "spread.lessons");
    }

    @Test
    void eachReviewGathersItsFactsFromLoopsOnOtherPages() throws IOException {
        ReviewsReport report = rituals.report(ACME, null);
        List<ReviewEntry> reviews = new ArrayList<>();
        report.reviews().forEach(reviews::add); // read page by page, as the answer is written

        assertThat(reviews).extracting(ReviewEntry::reviewId).containsExactly("r1", "r2");
        ReviewEntry r1 = reviews.get(0);
        assertThat(r1.decisionIds()).containsExactly("l1", "l2");
        assertThat(r1.actionsAssigned()).isEqualTo(2);
        assertThat(r1.actionsCompleted()).isEqualTo(2);
        assertThat(r1.verdict()).isEqualTo(Verdict.PARTIAL);
        ReviewEntry r2 = reviews.get(1);
        assertThat(r2.decisionIds()).containsExactly("l2");
        assertThat(r2.actionsAssigned()).isEqualTo(2);
        assertThat(r2.actionsCompleted()).isZero();
        assertThat(r2.verdict()).isEqualTo(Verdict.RITUAL);
        assertThat(report.summary()).isEqualTo(new ReviewSummary(2L, 0L, 1L, 1L, 0L, 0.5, 0.0));
        assertThat(rituals.report(ACME, Verdict.RITUAL).reviews())
                .extracting(ReviewEntry::reviewId)
                .containsExactly("r2");
    }

    @Test
    void aLessonLearnedAgainIsFoundAmongTheIndexedReviews() throws IOException {
        RelearningReport report = relearning.report(ACME);

        assertThat(report.summary()).isEqualTo(new RelearningSummary(2L, 2L, 1L, 0.5));
        assertThat(report.recurrences()).singleElement().satisfies(recurrence -> {
            assertThat(recurrence.lessonId()).isEqualTo("k1");
            assertThat(recurrence.reviewId()).isEqualTo("r2");
            assertThat(recurrence.themes()).containsExactly("x");
            assertThat(recurrence.daysBetween()).isEqualTo(90.0); // 2024-12-01 to 2025-03-01
        });
        // a period without k1: no recurrence; and k2 alone is one person (u2)
        Cohort ofNovember = ACME.during(LocalDate.of(2024, 11, 1), LocalDate.of(2024, 12, 1));
        assertThat(relearning.report(ofNovember).summary()).isEqualTo(new RelearningSummary(1L, 1L, 0L, 0.0));
    }

    /** The lists read as they are written still read as JSON arrays, whole. */
    @Test
    void theListsReadAsTheyAreWrittenAreWholeJsonArrays() throws IOException {
        ObjectMapper mapper = EventJson.newMapper();

        JsonNode reviews = mapper.readTree(mapper.writeValueAsString(rituals.report(ACME, null)));
        JsonNode again = mapper.readTree(mapper.writeValueAsString(relearning.report(ACME)));

        assertThat(reviews.get("reviews").isArray()).isTrue();
        assertThat(reviews.get("reviews").findValuesAsText("reviewId")).containsExactly("r1", "r2");
        assertThat(reviews.get("summary").get("reviews").asLong()).isEqualTo(2);
        assertThat(again.get("recurrences").isArray()).isTrue();
        assertThat(again.get("recurrences").findValuesAsText("reviewId")).containsExactly("r2");
    }

    @Test
    void conversionCountsEveryLessonOfEveryPage() throws IOException {
        ConversionReport conversion = metrics.conversion(ACME, Audience.aggregatesOnly(3));

        assertThat(conversion.lessonsRecorded()).isEqualTo(3);
        assertThat(conversion.lessonsWithBehaviorChange()).isEqualTo(2);
        assertThat(conversion.conversionRate()).isCloseTo(2.0 / 3, within(1e-12));
        // Kaplan-Meier: events at 10 and 20 days, k3 censored at 214.5 days: 1 - (2/3)(1/2) = 2/3 by day 30
        assertThat(conversion.withinDays().get(0).days()).isEqualTo(30);
        assertThat(conversion.withinDays().get(0).share()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(conversion.withinDays().get(0).events()).isEqualTo(2);
        // nobody was followed a year: unknown, not carried on
        assertThat(conversion.withinDays().get(3).share()).isNull();
        assertThat(conversion.withheld()).isEmpty();
    }
}
