package io.learningloop.analytics.verdicts;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.learningloop.access.Scope;
import io.learningloop.access.testing.TestKeys;
import io.learningloop.projection.elasticsearch.Indices;
import io.learningloop.testsupport.LocalStack;
import io.learningloop.testsupport.ProjectionServiceTestProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Each new Kibana panel, run from its saved object ({@link LensPanel}) against the indices of the
 * history of {@link VerdictHistory} after one run of the writer, gives the analytics API's figure for the
 * same cohort: acme/qa (the dashboard query {@code orgUnitPath : "acme/qa"}) and one calendar year (the
 * dashboard's time range, one bucket of the panel). The API is called over HTTP in this same service, as
 * an analyst of acme (no figure withheld). Counts and rates, so equal exactly; each figure is also
 * written out by hand, so that panel and API cannot agree on a wrong number.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "learning-loop.verdicts.refresh=0")
class KibanaPanelsIntegrationTest {

    static final String PREFIX = LocalStack.uniqueName("it-panels-") + "-";
    static final String DASHBOARD_QUERY = "orgUnitPath : \"acme/qa\"";
    static boolean loaded;

    /** The year of d5, decided 20 days before the run: its review r4 is pending. */
    static final int PENDING_YEAR =
            VerdictHistory.PENDING_DECIDED.atZone(java.time.ZoneOffset.UTC).getYear();

    static final DataSource OWNER = new DriverManagerDataSource(
            LocalStack.postgresUrl(), LocalStack.postgresOwnerUser(), LocalStack.postgresOwnerPassword());

    static final TestKeys.Issued ANALYST = TestKeys.createIn(
            OWNER, TestKeys.issue(LocalStack.uniqueName("it-panels-analyst-"), Set.of(Scope.LOOPS_READ), "acme"));

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry properties) {
        ProjectionServiceTestProperties.register(
                properties,
                LocalStack.uniqueName("it-panels-events-"),
                LocalStack.uniqueName("it-panels-analytics-"),
                PREFIX);
    }

    @LocalServerPort
    int port;

    @Autowired
    ElasticsearchClient elasticsearch;

    @Autowired
    VerdictsWriter writer;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void loadOnce() throws Exception {
        if (!loaded) {
            new VerdictHistory(elasticsearch, new Indices(PREFIX)).write();
            writer.run();
            elasticsearch.indices().refresh(refresh -> refresh.index(PREFIX + "reviews", PREFIX + "relearning"));
            loaded = true;
        }
    }

    /**
     * 2025: d2 alone applies a change (b1, from l1). The panel counts every applied change whatever the
     * lesson's date; the API's evidence narrows to a learned period, so it equals the panel when that
     * period covers every lesson before the year's end (a lesson always precedes the decision it changed).
     */
    @Test
    void evidenceCountsTheDecisionsThatApplyAChange() throws Exception {
        assertThat(panel("ll-lens-evidence-per-year", 2025)).containsEntry("col-evidence", 1.0);
        assertThat(table("ll-lens-evidence-per-year", 2024)).isEmpty();
        for (int year : new int[] {2024, 2025}) {
            JsonNode evidence = get("/analytics/evidence?orgUnit=acme/qa&year=" + year
                    + "&learnedFrom=1900-01-01&learnedTo=" + (year + 1) + "-01-01");
            Map<String, Double> bar = table("ll-lens-evidence-per-year", year).get(String.valueOf(year));
            assertThat(evidence.at("/totals/decisionsWithEvidence").asDouble())
                    .as("%d", year)
                    .isEqualTo(bar == null || bar.get("col-evidence") == null ? 0.0 : bar.get("col-evidence"));
        }
    }

    /**
     * The reviews of each year's live decisions: 2024 d3 → r2 ritual; 2025 d1 → r1 practice, d4 → r3
     * partial, d7 → r5 ritual (d6 is retracted, d2 has no review); the year of d5 (20 days ago) → r4 pending.
     */
    @Test
    void reviewsByVerdictAreTheApisCounts() throws Exception {
        for (int year : new int[] {2024, 2025, PENDING_YEAR}) {
            Map<String, Map<String, Double>> table = table("ll-lens-reviews-by-verdict", year);
            JsonNode summary = api("/analytics/reviews", year).path("summary");
            for (String verdict : new String[] {"practice", "ritual", "partial", "pending"}) {
                Map<String, Double> row = table.get(year + "|" + verdict);
                double count = row == null ? 0 : row.get("col-reviews");
                assertThat(count)
                        .as("%s %d", verdict, year)
                        .isEqualTo(summary.path(verdict).asDouble());
            }
        }
        assertThat(table("ll-lens-reviews-by-verdict", 2025))
                .containsOnlyKeys("2025|partial", "2025|practice", "2025|ritual");
        assertThat(table("ll-lens-reviews-by-verdict", PENDING_YEAR)).containsOnlyKeys(PENDING_YEAR + "|pending");
    }

    /** 2024: 1 ritual of 1 judged = 1.0; 2025: 1 ritual of 3 judged = 1/3; d5's year: none judged, no value. */
    @Test
    void ritualShareIsTheApisRitualRate() throws Exception {
        assertRate(
                "ll-lens-ritual-share-per-year",
                "col-ritual-rate",
                "/analytics/reviews",
                "summary.ritualRate",
                Map.of(2024, 1.0, 2025, 1.0 / 3));
        assertThat(panel("ll-lens-ritual-share-per-year", 2025)).containsEntry("col-judged", 3.0);
        assertThat(panel("ll-lens-ritual-share-per-year", PENDING_YEAR)).containsEntry("col-ritual-rate", null);
        assertThat(api("/analytics/reviews", PENDING_YEAR)
                        .at("/summary/ritualRate")
                        .isNull())
                .isTrue();
    }

    /** 2025: l1 and l2 learned again, l3 not (l4 has no theme, l5 is retracted): 2/3. */
    @Test
    void relearningShareIsTheApisRelearningRate() throws Exception {
        assertRate(
                "ll-lens-relearning-per-year",
                "col-relearning",
                "/analytics/relearning",
                "summary.relearningRate",
                Map.of(2025, 2.0 / 3));
        assertThat(panel("ll-lens-relearning-per-year", 2025)).containsEntry("col-lessons", 3.0);
    }

    /**
     * 2025 (d1, d2, d4, d7; d6 retracted): check-ins held 3 (d1, d2, d4), late 1 (d1), missed 1 (d2), the
     * planned one of 2099 not due: 3/5 = 0.6. Uncertainty stated by d1 and d4 of 4: 0.5. 2024 (d3): no
     * check-in, so no in-time rate; uncertainty 0 of 1.
     */
    @Test
    void practiceSignalsOverDecisionsAreThePracticesAnswers() throws Exception {
        assertRate(
                "ll-lens-practice-signals-decisions",
                "col-in-time",
                "/analytics/practices",
                "checkIns.inTimeRate",
                Map.of(2025, 0.6));
        assertRate(
                "ll-lens-practice-signals-decisions",
                "col-uncertainty",
                "/analytics/practices",
                "safety.uncertaintyStatedRate",
                Map.of(2024, 0.0, 2025, 0.5));
        assertThat(panel("ll-lens-practice-signals-decisions", 2024)).containsEntry("col-in-time", null);
        assertThat(api("/analytics/practices", 2024).at("/checkIns/inTimeRate").isNull())
                .isTrue();
    }

    /**
     * 2025: the reviews r1 (x1 done), r3 (x3 done, x4 open) and r5 (no action): 2 of 3 actions completed,
     * each once though an action shows in every loop of its review; blameless r1 of r1, r3, r5: 1/3.
     * 2024: r2, its x2 open: 0 of 1; not blameless: 0 of 1.
     */
    @Test
    void practiceSignalsOverReviewsAreThePracticesAnswers() throws Exception {
        assertRate(
                "ll-lens-practice-signals-reviews",
                "col-completed",
                "/analytics/practices",
                "followThrough.completionRate",
                Map.of(2024, 0.0, 2025, 2.0 / 3));
        assertRate(
                "ll-lens-practice-signals-reviews",
                "col-blameless",
                "/analytics/practices",
                "safety.blamelessRate",
                Map.of(2024, 0.0, 2025, 1.0 / 3));
    }

    /** The panel's value and the API's for each year equal the hand-worked one, exactly. */
    private void assertRate(String lens, String column, String path, String figure, Map<Integer, Double> byHand)
            throws Exception {
        for (Map.Entry<Integer, Double> year : byHand.entrySet()) {
            Double fromPanel = panel(lens, year.getKey()).get(column);
            JsonNode fromApi = api(path, year.getKey()).at("/" + figure.replace('.', '/'));
            assertThat(fromApi.isNumber())
                    .as("%s %s %d", path, figure, year.getKey())
                    .isTrue();
            assertThat(fromPanel)
                    .as("%s %s %d", lens, column, year.getKey())
                    .isEqualTo(fromApi.asDouble())
                    .isEqualTo(year.getValue());
        }
    }

    /** The panel's one bucket for the year (the dashboard's time range is that year). */
    private Map<String, Double> panel(String lens, int year) throws Exception {
        Map<String, Map<String, Double>> table = table(lens, year);
        assertThat(table).as("%s %d", lens, year).containsOnlyKeys(String.valueOf(year));
        return table.get(String.valueOf(year));
    }

    private Map<String, Map<String, Double>> table(String lens, int year) throws Exception {
        return LensPanel.load(lens)
                .table(PREFIX, DASHBOARD_QUERY, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
    }

    private JsonNode api(String path, int year) throws Exception {
        return get(path + "?orgUnit=acme/qa&from=" + year + "-01-01&to=" + (year + 1) + "-01-01");
    }

    private JsonNode get(String query) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + query))
                                .header("Authorization", ANALYST.bearer())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
