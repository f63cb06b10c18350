package io.learningloop.analytics.metrics;

import io.learningloop.analytics.evidence.Evidence.Answer;
import io.learningloop.analytics.evidence.EvidenceQuery;
import io.learningloop.analytics.evidence.EvidenceRequest;
import io.learningloop.projection.elasticsearch.Indices;
import io.learningloop.readmodel.LoopDocument;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What the trends page opens with: the answer to the question Learning Loop exists for, for the report's
 * last year. How many of that year's decisions were made differently because of a lesson recorded the year
 * before, and the most telling chains in words. Staff see it only when the year's decisions were made by at
 * least k people (the gate of the evidence share in {@link UnitOverview} and {@link YearOverYear}); they
 * read the chains without free text, which only {@code loops:read} may see.
 */
@Component
class TrendsOpening {

    static final int TELLING_CHAINS = 5;

    /** Every chain of the year, to choose the most telling from: the evidence API's own ceiling. */
    private static final int ALL_CHAINS = 1_000;

    private final EvidenceQuery evidence;
    private final MetricSource source;
    private final Indices indices;

    TrendsOpening(EvidenceQuery evidence, MetricSource source, Indices indices) {
        this.evidence = evidence;
        this.source = source;
        this.indices = indices;
    }

    /**
     * @param unit the unit asked, or the reader's units when none was
     * @param decisionsMade null when withheld
     * @param chains the most telling chains, each in a sentence, most telling first
     * @param chainCount every chain of the year (a decision may have more than one)
     * @param withheld why the figures are withheld (fewer than k people), or null when they show
     */
    record Opening(
            String unit,
            int year,
            Long decisionsMade,
            Long decisionsWithEvidence,
            int chainCount,
            List<String> chains,
            String withheld) {

        Opening {
            chains = List.copyOf(chains);
        }

        static Opening withheld(String unit, int year, String reason) {
            return new Opening(unit, year, null, null, 0, List.of(), reason);
        }

        /** The answer in a sentence, also when there is nothing to answer with. */
        String answer() {
            if (withheld != null) {
                return "Withheld: the decisions made in " + year + " in " + unit + " were made by " + withheld
                        + ", too few to count them or tell their chains without exposing someone.";
            }
            if (decisionsMade == 0) {
                return "No decision was made in " + year + " in " + unit + ": there is nothing to answer with yet.";
            }
            if (decisionsWithEvidence == 0 && decisionsMade == 1) {
                return "The one decision made in " + year + " in " + unit
                        + " was not made differently because of a lesson recorded in " + (year - 1) + ".";
            }
            if (decisionsWithEvidence == 0) {
                return "None of the " + decisions(decisionsMade) + " made in " + year + " in " + unit
                        + " was made differently because of a lesson recorded in " + (year - 1) + ".";
            }
            return decisionsWithEvidence + " of " + decisions(decisionsMade) + " made in " + year + " in " + unit + " "
                    + (decisionsWithEvidence == 1 ? "was" : "were")
                    + " made differently because of a lesson recorded in "
                    + (year - 1) + ".";
        }

        private static String decisions(long count) {
            return count == 1 ? "1 decision" : count + " decisions";
        }
    }

    /**
     * For {@code cohort}'s units (already the reader's), the decisions of {@code year}; {@code freeText}: the
     * reader may see decision titles and lesson words (those of {@code keyUnits}, the key's own roots).
     */
    Opening open(Cohort cohort, int year, Audience audience, boolean freeText, List<String> keyUnits)
            throws IOException {
        String unit = cohort.orgUnit() != null ? cohort.orgUnit() : String.join(", ", cohort.orgUnits());
        Cohort ofYear = cohort.during(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
        // the people: those who made the year's decisions, whose choices the count and the chains describe
        Withholding.Gate deciders = audience.withholding()
                .over(source.distinct(
                        indices.loops(), LoopDocument.ACTOR, ofYear.filters(LoopDocument.DECIDED_AT, false)));
        if (!deciders.shown()) {
            return Opening.withheld(unit, year, Withholding.reason(audience.minGroupSize()));
        }
        Answer answer = evidence.answer(
                EvidenceRequest.ofYear(cohort.orgUnit(), cohort.orgUnits(), keyUnits, year, ALL_CHAINS));
        return answered(unit, year, answer, freeText);
    }

    /** The opening of an evidence answer that may show: its totals and its most telling chains in words. */
    static Opening answered(String unit, int year, Answer answer, boolean freeText) {
        List<String> chains = TellingChains.mostTelling(answer.chains(), TELLING_CHAINS).stream()
                .map(chain -> TellingChains.inWords(chain, freeText))
                .toList();
        return new Opening(
                unit,
                year,
                answer.totals().decisionsMade(),
                (long) answer.totals().decisionsWithEvidence(),
                answer.totals().chains(),
                chains,
                null);
    }
}
